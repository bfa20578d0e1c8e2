// Compiles the CLI (src/cli/main.ts and what it imports) to JavaScript in dist/cli/, so that
// `./bin/jifen` starts without transpiling TypeScript on every run (issue 13: < 150 ms).
// One ES module per command (code splitting). The pure-JavaScript packages every command loads
// (zod, yaml, commander) are bundled in: loaded from node_modules they are some 150 files whose
// resolution and compilation cost more CPU than the whole score command (measured with
// --cpu-prof: zod 75 ms → 29 ms, yaml 40 → 9, commander 13 → 7); the others stay in
// node_modules (native addons, packages that read their own files). Runs at
// install (`prepare`) and again from bin/jifen whenever a source is newer than the build.
// The new build is written beside the old one and main.js is swapped in by a rename, so a
// CLI already running keeps its (content-named) chunks; `npm run build:cli` starts clean.
import { build } from 'esbuild';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Packages compiled into the CLI's chunks; every other package is imported from node_modules. */
const BUNDLED = new Set(['zod', 'yaml', 'commander']);
const packageName = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');
const onlyBundled = {
  name: 'external-except-bundled',
  setup(b) {
    // commander requires child_process (and with it net, stream, dgram: ~10 % of a `jifen score`
    // start-up) only to run executable subcommands, which jifen has none of: it gets a stand-in
    // that loads the module on first use.
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'lazy-builtin' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents:
        "let loaded; module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      BUNDLED.has(packageName(args.path)) ? undefined : { path: args.path, external: true },
    );
  },
};
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
    plugins: [onlyBundled],
    // A bundled CommonJS package (yaml, commander) requires Node's built-in modules.
    banner: {
      js: "import { createRequire as __jifenCreateRequire } from 'node:module'; const require = __jifenCreateRequire(import.meta.url);",
    },
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
