import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { MessageProvider, OutgoingMessage } from './dispatcher.js';
import { maskPhone } from './masking.js';

/**
 * Development provider: appends one JSON line per message to a file instead of
 * sending it. Dedups by message id like a real provider must (the ids already
 * in the file are never written again), so the outbox's crash recovery can be
 * watched at work. The recipient is written masked.
 */
export class DevSmsProvider implements MessageProvider {
  readonly #file: string;
  #seen: Set<string> | undefined;

  constructor(file: string) {
    this.#file = file;
  }

  #ids(): Set<string> {
    if (!this.#seen) {
      this.#seen = new Set();
      if (existsSync(this.#file)) {
        for (const line of readFileSync(this.#file, 'utf8').split('\n')) {
          if (line.trim()) this.#seen.add((JSON.parse(line) as { id: string }).id);
        }
      }
    }
    return this.#seen;
  }

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    const ids = this.#ids();
    if (!ids.has(message.id)) {
      mkdirSync(dirname(this.#file), { recursive: true });
      const line = {
        id: message.id,
        channel: message.channel,
        to: message.channel === 'sms' ? maskPhone(message.recipient) : message.recipient,
        template: `${message.templateId}@${message.templateVersion}`,
        payload: message.payload,
      };
      appendFileSync(this.#file, `${JSON.stringify(line)}\n`);
      ids.add(message.id);
    }
    return { providerMessageId: `dev-${message.id}` };
  }
}
