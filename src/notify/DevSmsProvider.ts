import { maskPhone } from '../storage/masking.js';
import { DevMessageFile } from './DevMessageFile.js';
import type { MessageProvider, OutgoingMessage } from './dispatcher.js';

/**
 * Development provider at the dispatcher's level (before rendering): the raw
 * template id, version and payload, the SMS recipient masked, one line per
 * message (DevMessageFile). The crash tests read these lines.
 */
export class DevSmsProvider implements MessageProvider {
  readonly #out: DevMessageFile;

  constructor(file: string) {
    this.#out = new DevMessageFile(file);
  }

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    return this.#out.append({
      id: message.id,
      channel: message.channel,
      to: message.channel === 'sms' ? maskPhone(message.recipient) : message.recipient,
      template: `${message.templateId}@${message.templateVersion}`,
      payload: message.payload,
    });
  }
}
