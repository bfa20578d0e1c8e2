import { maskPhone } from '../storage/masking.js';
import { DevMessageFile } from './DevMessageFile.js';
import type { SmsDriver, SmsToSend } from './SmsDriver.js';

/** Development SMS driver: the rendered text, the recipient masked, one line per SMS (DevMessageFile). */
export class DevSmsDriver implements SmsDriver {
  readonly #out: DevMessageFile;

  constructor(file: string) {
    this.#out = new DevMessageFile(file);
  }

  async send(sms: SmsToSend): Promise<{ providerMessageId: string }> {
    return this.#out.append({ id: sms.id, to: maskPhone(sms.to), template: sms.template, text: sms.text });
  }
}
