/**
 * The program-words check (issue 14): text people read must not contain a program
 * identifier (camelCase, snake_case, a JSON path, a dotted key) or a run of three or
 * more English words. Excluded everywhere, by the callers: the API docs page
 * (/api/docs), the CLI's --help, JSON outputs; and these terms:
 */
export const ALLOWED_TERMS = ['PDF', 'JSON', 'API', 'QR', 'SMS', 'Excel', 'jifen'];

const PATTERNS: Array<{ kind: string; re: RegExp }> = [
  { kind: 'JSON 路径', re: /\$[A-Za-z]*\.[\w.[\]]+/g },
  { kind: 'camelCase', re: /\b[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*\b/g },
  { kind: 'snake_case', re: /\b[a-z][a-z0-9]*_[a-z0-9_]+\b/g },
  { kind: '点分键名', re: /\b[a-z][A-Za-z0-9]*(?:\.[a-z][A-Za-z0-9]*){2,}\b/g },
  { kind: '英文句子', re: /\b[A-Za-z]{2,}(?:[ ,;:'-]+[A-Za-z]{2,}){2,}\b/g },
];

/** Every program word in `text` (allowed terms removed first), with its kind. */
export function programWords(text: string): string[] {
  let t = text;
  for (const term of ALLOWED_TERMS) t = t.replace(new RegExp(`\\b${term}\\b`, 'g'), ' ');
  const found: string[] = [];
  for (const { kind, re } of PATTERNS) for (const m of t.matchAll(re)) found.push(`${kind}: ${m[0]}`);
  return [...new Set(found)];
}
