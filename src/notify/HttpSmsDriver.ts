import { PermanentSendError } from './dispatcher.js';
import { signBody, SIGNATURE_HEADER } from './requestSignature.js';
import type { SmsDriver, SmsToSend } from './SmsDriver.js';

export interface HttpSmsDriverOptions {
  /** The gateway's send endpoint (POST, JSON). */
  url: string;
  /** Shared secret of the request signature (requestSignature.ts). */
  secret: string;
  /** A call that takes longer is abandoned and retried later (the gateway dedups by id). */
  timeoutMs: number;
  /** Where the gateway posts delivery reports (our /api/v1/sms/delivery-reports). */
  callbackUrl?: string;
  /** Seconds since the epoch, for the signature timestamp. */
  clock?: () => number;
}

/**
 * A generic HTTP SMS gateway: `POST url` with `{id, to, text, template,
 * callbackUrl}`, the message id also in `Idempotency-Key`, the body signed.
 * 2xx with `{messageId}` is accepted; 408, 425, 429 and 5xx, a timeout or a
 * broken connection are transient (retried with backoff); any other 4xx is
 * permanent (e.g. an invalid number: dead letter at once).
 */
export class HttpSmsDriver implements SmsDriver {
  constructor(private readonly opts: HttpSmsDriverOptions) {}

  async send(sms: SmsToSend): Promise<{ providerMessageId: string }> {
    const body = JSON.stringify({
      id: sms.id,
      to: sms.to,
      text: sms.text,
      template: sms.template,
      ...(this.opts.callbackUrl ? { callbackUrl: this.opts.callbackUrl } : {}),
    });
    const now = this.opts.clock?.() ?? Math.floor(Date.now() / 1000);
    let res: Response;
    try {
      res = await fetch(this.opts.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': sms.id,
          [SIGNATURE_HEADER]: signBody(this.opts.secret, body, now),
        },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(this.opts.timeoutMs),
      });
    } catch (error) {
      const e = error as { name?: string; cause?: { code?: string } };
      if (e.name === 'TimeoutError' || e.name === 'AbortError')
        throw new Error(`短信网关超时（${this.opts.timeoutMs} ms 未应答）`, { cause: error });
      throw new Error(`短信网关连接失败（${e.cause?.code ?? e.name ?? '未知'}）`, { cause: error });
    }
    const text = await res.text().catch(() => '');
    if (res.ok) {
      let messageId: unknown;
      try {
        messageId = (JSON.parse(text) as { messageId?: unknown }).messageId;
      } catch {
        messageId = undefined;
      }
      return { providerMessageId: typeof messageId === 'string' && messageId ? messageId : sms.id };
    }
    // The gateway's own words, short; the dispatcher masks digit runs before storing them.
    const why = text.slice(0, 120).replace(/\s+/g, ' ');
    if (res.status === 408 || res.status === 425 || res.status === 429 || res.status >= 500)
      throw new Error(`短信网关暂时不可用（HTTP ${res.status}）${why ? `：${why}` : ''}`);
    throw new PermanentSendError(`短信网关拒绝发送（HTTP ${res.status}）${why ? `：${why}` : ''}`);
  }
}
