import type { Readable } from 'node:stream';

/**
 * Lines of a text stream in batches (one per chunk read), the first line numbered
 * `firstLine` (1-based). Splitting chunks here instead of readline's event per line keeps a
 * million-line population file cheap to read. `\r\n` endings are accepted.
 */
export async function* readLineBatches(
  input: Readable,
): AsyncGenerator<{ firstLine: number; lines: string[] }> {
  input.setEncoding('utf8');
  let rest = '';
  let next = 1;
  for await (const chunk of input as AsyncIterable<string>) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    if (!parts.length) continue;
    for (let i = 0; i < parts.length; i++) if (parts[i]!.endsWith('\r')) parts[i] = parts[i]!.slice(0, -1);
    yield { firstLine: next, lines: parts };
    next += parts.length;
  }
  if (rest.length) yield { firstLine: next, lines: [rest.endsWith('\r') ? rest.slice(0, -1) : rest] };
}
