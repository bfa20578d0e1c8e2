/**
 * Program words in text meant for people (issue 14): a camelCase or snake_case identifier, a JSON
 * path, a raw `null`/`true`/`false`, or a run of three or more English words. Excluded terms people
 * read as words: the allow-list below (the list).
 */
export const ALLOWED = ['PDF', 'JSON', 'API', 'QR', 'SMS', 'Excel', 'jifen'] as const;

const PATTERNS: Array<[string, RegExp]> = [
  ['camelCase', /\b[a-z]+[A-Z][A-Za-z0-9]*\b/g],
  ['snake_case', /\b[A-Za-z0-9]+_[A-Za-z0-9_]+\b/g],
  // A dotted key has two dots at least (title.intermediate.months); a login such as clerk.ja is data.
  ['JSON path', /\$[A-Za-z]*[.[][\w.[\]]*|\b[A-Za-z]\w*(?:\.[A-Za-z]\w*){2,}\b|\b\w+\[\d+\]/g],
  ['raw value', /\b(?:null|undefined|true|false|NaN)\b/g],
  ['English words', /\b[A-Za-z]{2,}\b(?:[\s,;:'’-]+\b[A-Za-z]{2,}\b){2,}/g],
];

/** Each program word found in `text`, with the kind and the line it is on. */
export function programWords(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split('\n'))
    for (const [kind, re] of PATTERNS)
      for (const m of line.matchAll(re)) {
        if (
          kind === 'English words' &&
          m[0].split(/[^A-Za-z]+/).filter((w) => !ALLOWED.includes(w as never)).length < 3
        )
          continue;
        found.push(`${kind}: ${m[0]}  ← ${line.trim().slice(0, 120)}`);
      }
  return found;
}

/** The same allow-list under the name the browser and PDF checks use. */
export const ALLOWED_TERMS = ALLOWED;
