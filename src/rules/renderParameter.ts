import type { RenderingsFile } from './renderingsFile.js';

/**
 * Chinese renderings of parameter values (issue 14): one template per parameter kind, kept in
 * `rules/renderings.yaml` beside the data (read and validated by renderingsFile.ts), so that a
 * person reads "每满12个月有效缴费积3分" and never a key such as `pointsPerFullYear`. The
 * template language is described at the top of that file. This module renders only: the rule set
 * imports it, and a CLI run reading cached data needs neither YAML nor a schema.
 */

const at = (ctx: unknown, path: string): unknown => {
  if (path === '.') return ctx;
  let v = ctx;
  for (const k of path.split('.')) v = v != null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
};

/** Index of the `}` closing the `{` at `open`. */
function closing(t: string, open: number): number {
  let depth = 0;
  for (let i = open; i < t.length; i++) {
    if (t[i] === '{') depth++;
    else if (t[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`模板括号不成对: ${t}`);
}

/** First index of `ch` in `s` outside braces, or -1. */
function topLevel(s: string, ch: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}') depth--;
    else if (s[i] === ch && depth === 0) return i;
  }
  return -1;
}

type Missing = (what: string) => string;

function fill(t: string, ctx: unknown, r: RenderingsFile, each: Record<string, string>, missing: Missing): string {
  let out = '';
  let i = 0;
  while (i < t.length) {
    const open = t.indexOf('{', i);
    if (open < 0) {
      out += t.slice(i);
      break;
    }
    out += t.slice(i, open);
    const end = closing(t, open);
    out += slot(t.slice(open + 1, end), ctx, r, each, missing);
    i = end + 1;
  }
  return out;
}

function slot(s: string, ctx: unknown, r: RenderingsFile, each: Record<string, string>, missing: Missing): string {
  const q = topLevel(s, '?');
  if (q >= 0) {
    const rest = s.slice(q + 1);
    const c = topLevel(rest, ':');
    const [yes, no] = c >= 0 ? [rest.slice(0, c), rest.slice(c + 1)] : [rest, ''];
    const v = at(ctx, s.slice(0, q));
    return fill(v != null && v !== false && v !== 0 ? yes : no, ctx, r, each, missing);
  }
  const [path, filter] = s.split('|') as [string, string | undefined];
  if (each[path] !== undefined) return each[path];
  const v = at(ctx, path);
  if (v === undefined || v === null) return missing(path);
  const one = (x: unknown): string => {
    if (filter === 'abs') return String(Math.abs(Number(x)));
    if (filter) return r.terms[filter]?.[String(x)] ?? missing(`${path}|${filter}=${String(x)}`);
    return typeof x === 'object' ? missing(path) : String(x);
  };
  return Array.isArray(v) ? v.map(one).join('、') : one(v);
}

/**
 * The Chinese sentence of one parameter value. Throws (naming the parameter and the slot) when the
 * template reads something the value lacks: the renderings test runs every value of `rules/`.
 */
export function renderParameter(r: RenderingsFile, key: string, value: unknown): string {
  const tpl = r.parameters[key];
  if (!tpl) throw new Error(`参数 ${key} 没有中文表述（rules/renderings.yaml）`);
  const missing: Missing = (what) => {
    throw new Error(`参数 ${key} 的中文表述读取了取值中没有的 ${what}`);
  };
  if (value === null) return tpl.none ?? missing('none');
  const each: Record<string, string> = {};
  for (const [path, e] of Object.entries(tpl.each ?? {})) {
    const v = at(value, path);
    const list = Array.isArray(v) ? v : v && typeof v === 'object' ? Object.values(v) : missing(path);
    each[path] = (list as unknown[]).map((x) => fill(e.item, x, r, {}, missing)).join(e.join);
  }
  return fill(tpl.text, value, r, each, missing);
}
