import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The one development "gateway": appends one JSON line per message to a file
 * instead of sending it, and dedups by message id like a real gateway must (ids
 * already in the file are never written again), so the outbox's crash recovery
 * can be watched at work. Callers mask the recipient before writing.
 */
export class DevMessageFile {
  readonly #file: string;
  #seen: Set<string> | undefined;

  constructor(file: string) {
    this.#file = file;
  }

  #ids(): Set<string> {
    if (!this.#seen) {
      this.#seen = new Set();
      if (existsSync(this.#file))
        for (const line of readFileSync(this.#file, 'utf8').split('\n'))
          if (line.trim()) this.#seen.add((JSON.parse(line) as { id: string }).id);
    }
    return this.#seen;
  }

  /** Writes the line once per id; the provider message id a dev gateway answers. */
  append(line: { id: string } & Record<string, unknown>): { providerMessageId: string } {
    const ids = this.#ids();
    if (!ids.has(line.id)) {
      mkdirSync(dirname(this.#file), { recursive: true });
      appendFileSync(this.#file, `${JSON.stringify(line)}\n`);
      ids.add(line.id);
    }
    return { providerMessageId: `dev-${line.id}` };
  }
}
