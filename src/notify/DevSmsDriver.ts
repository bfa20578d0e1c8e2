import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { maskPhone } from '../storage/masking.js';
import type { SmsDriver, SmsToSend } from './SmsDriver.js';

/**
 * Development driver: appends one JSON line per SMS (the rendered text, the
 * recipient masked) to a file instead of sending it. Dedups by message id like
 * a real gateway must (ids already in the file are never written again), so
 * the outbox's crash recovery can be watched at work. Adapted from the
 * storage layer's DevSmsProvider, which writes the raw payload.
 */
export class DevSmsDriver implements SmsDriver {
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

  async send(sms: SmsToSend): Promise<{ providerMessageId: string }> {
    const ids = this.#ids();
    if (!ids.has(sms.id)) {
      mkdirSync(dirname(this.#file), { recursive: true });
      const line = { id: sms.id, to: maskPhone(sms.to), template: sms.template, text: sms.text };
      appendFileSync(this.#file, `${JSON.stringify(line)}\n`);
      ids.add(sms.id);
    }
    return { providerMessageId: `dev-${sms.id}` };
  }
}
