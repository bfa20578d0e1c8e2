// Compiles the CLI (src/cli/main.ts and what it imports) to JavaScript in dist/cli/, so that
// `./bin/jifen` starts without transpiling TypeScript on every run (issue 13: < 150 ms).
// One ES module per command (code splitting), packages left in node_modules. Runs at
// install (`prepare`) and again from bin/jifen whenever a source is newer than the build.
// The new build is written beside the old one and main.js is swapped in by a rename, so a
// CLI already running keeps its (content-named) chunks; `npm run build:cli` starts clean.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'cli');
mkdirSync(out, { recursive: true });
const tmp = mkdtempSync(join(root, 'dist', '.cli-'));
try {
  await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  if (existsSync(join(tmp, 'chunks'))) cpSync(join(tmp, 'chunks'), join(out, 'chunks'), { recursive: true });
  renameSync(join(tmp, 'main.js.map'), join(out, 'main.js.map'));
  // Validated policy data cached by the previous build's code may not hold under this one.
  rmSync(join(out, 'cache'), { recursive: true, force: true });
  renameSync(join(tmp, 'main.js'), join(out, 'main.js'));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
