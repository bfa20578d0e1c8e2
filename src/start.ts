/**
 * `npm start`: runs jifen on this machine with its embedded data. Today this is
 * the points engine and the command line (the HTTP server and web UI are issues
 * #5 and #6); it scores the example profile and shows what to try next.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderResultText } from './cli/renderResultText.js';
import { score } from './engine/score.js';
import { parseProfileJson } from './profile/validateProfile.js';

const example = fileURLToPath(new URL('../examples/profile.json', import.meta.url));
process.stdout.write(renderResultText(score(parseProfileJson(readFileSync(example, 'utf8')))));
process.stdout.write(`
试一试 (try):
  ./bin/jifen score examples/profile.json --format json
  ./bin/jifen rules --at 2016-01-01
  ./bin/jifen workdays add 2025-09-28 20
  ./bin/jifen --help
`);
