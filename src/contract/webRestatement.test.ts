import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as contract from './index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const WEB = join(ROOT, 'web', 'src');

/**
 * Declarations in web/src that look like a contract shape but are not one, each with its reason.
 * Key: `<file relative to web/src>:<name>`.
 */
const EXCEPTIONS: Record<string, string> = {
  // What the simulator's inputs hold while a person types: every field optional, choices as the
  // form's strings, months as picker values. toProfile() turns it into a Profile (the contract's
  // type) and the server validates that; the form state is not an API shape.
  'profile/toProfile.ts:ProfileFormValues': 'form state, converted by toProfile into the contract Profile',
  'pages/city/dateRangeParams.ts:DateRangeParams':
    'a date range in the page URL ({from, to}); it shares two key names with a period of the profile, not its meaning',
};

/** Every object shape the contract declares (nested ones included), as sorted key lists. */
function contractShapes(): Map<string, string[]> {
  const shapes = new Map<string, string[]>();
  const seen = new Set<unknown>();
  const visit = (s: unknown, name: string): void => {
    if (!(s instanceof z.ZodType) || seen.has(s)) return;
    seen.add(s);
    const def = (s as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.type === 'object') {
      const shape = def.shape as Record<string, unknown>;
      shapes.set(name + ':' + Object.keys(shape).sort().join(','), Object.keys(shape));
      for (const [k, v] of Object.entries(shape)) visit(v, `${name}.${k}`);
    }
    for (const key of ['innerType', 'element', 'in', 'out', 'valueType', 'left', 'right'])
      if (def[key]) visit(def[key], name);
    if (Array.isArray(def.options)) def.options.forEach((o, i) => visit(o, `${name}|${i}`));
  };
  for (const [name, value] of Object.entries(contract)) visit(value, name);
  return shapes;
}

interface Declared {
  where: string;
  keys: string[];
}

/** The interfaces and object type aliases of a source text, with their property names. */
function declarations(file: string, text: string): Declared[] {
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Declared[] = [];
  const keysOf = (members: ts.NodeArray<ts.TypeElement>): string[] =>
    members.filter(ts.isPropertySignature).map((m) => m.name.getText(src).replace(/['"]/g, ''));
  const walk = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node))
      out.push({ where: `${file}:${node.name.text}`, keys: keysOf(node.members) });
    else if (ts.isTypeAliasDeclaration(node) && ts.isTypeLiteralNode(node.type))
      out.push({ where: `${file}:${node.name.text}`, keys: keysOf(node.type.members) });
    ts.forEachChild(node, walk);
  };
  walk(src);
  return out;
}

/** A declaration restates a contract shape: the same keys, or (4 keys or more) 80 % of them in one. */
function restated(d: Declared, shapes: Map<string, string[]>): string | undefined {
  const mine = new Set(d.keys);
  if (mine.size < 2) return undefined;
  for (const [name, keys] of shapes) {
    const theirs = new Set(keys);
    const shared = [...mine].filter((k) => theirs.has(k)).length;
    const same = shared === mine.size && mine.size === theirs.size;
    if (same || (mine.size >= 4 && shared / mine.size >= 0.8)) return name.split(':')[0];
  }
  return undefined;
}

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')
        ? [join(dir, e.name)]
        : [],
  );

describe('the web does not restate the contract (issue 13)', () => {
  const shapes = contractShapes();

  it('finds the contract shapes, and would catch a restated one', () => {
    expect(shapes.size).toBeGreaterThan(50);
    // The web's old hand-written copies (before issue 13) are caught: an exact copy and a near one.
    const old = declarations(
      'old.ts',
      `interface Due { kind: string; date: string; workdaysLeft: number }
       interface TimelinePoint { date: string; total: number; provisional?: boolean }
       interface ReviewTask { id: string; indicator: string; status: string; referredTo: string | null;
         referredAt: string | null; returnedAt: string | null; note: string }
       interface FormValues { holderId: string; claims: string[]; remark: string; agree: boolean }`,
    );
    expect(old.map((d) => restated(d, shapes) !== undefined)).toEqual([true, true, true, false]);
  });

  it('no interface or object type in web/src has the keys of a contract schema', () => {
    const found: string[] = [];
    for (const file of sources(WEB)) {
      const rel = relative(WEB, file);
      for (const d of declarations(rel, readFileSync(file, 'utf8'))) {
        if (d.where in EXCEPTIONS) continue;
        const hit = restated(d, shapes);
        if (hit) found.push(`${d.where} restates ${hit}: import its type from web/src/api/contract.ts`);
      }
    }
    expect(found).toEqual([]);
  });
});
