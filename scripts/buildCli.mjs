// Compiles the CLI (src/cli/main.ts and what it imports) to JavaScript in dist/cli/, so that
// `./bin/jifen` starts without transpiling TypeScript on every run (issue 13: < 150 ms).
// One ES module per command (code splitting), packages left in node_modules. Runs at
// install (`prepare`) and again from bin/jifen whenever a source is newer than the build.
// The new build is written beside the old one and main.js is swapped in by a rename, so a
// CLI already running keeps its (content-named) chunks; `npm run build:cli` starts clean.
import { build } from 'esbuild';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
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
    // Names this build: its policy-data cache is its own (src/policy/projectPaths.ts).
    define: { 'globalThis.JIFEN_CLI_BUILD': JSON.stringify(randomUUID()) },
  });
  // A chunk's name is its content hash: one already there is the same file (another build, or
  // a CLI reading it right now), so only new ones are moved in, each by an atomic rename.
  mkdirSync(join(out, 'chunks'), { recursive: true });
  if (existsSync(join(tmp, 'chunks')))
    for (const f of readdirSync(join(tmp, 'chunks')))
      if (!existsSync(join(out, 'chunks', f))) renameSync(join(tmp, 'chunks', f), join(out, 'chunks', f));
  renameSync(join(tmp, 'main.js.map'), join(out, 'main.js.map'));
  // Data cached by an older build (another validation) are in another folder: start clean.
  rmSync(join(out, 'cache'), { recursive: true, force: true });
  renameSync(join(tmp, 'main.js'), join(out, 'main.js'));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
