import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed requests between jifen and the SMS gateway, both ways (our sends and
 * its delivery reports): header `X-Jifen-Signature: t=<unix seconds>,v1=<hex>`
 * where v1 = HMAC-SHA256(secret, `${t}.${raw body}`). The timestamp bounds
 * replays to the tolerance window; the body is signed byte for byte, so any
 * language can verify it without re-serialising JSON.
 */
export const SIGNATURE_HEADER = 'x-jifen-signature';

export function signBody(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** True when the header signs this body with this secret within `toleranceSeconds` of `nowSeconds`. */
export function verifySignature(
  secret: string,
  body: string,
  header: string | undefined,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const m = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header?.trim() ?? '');
  if (!m) return false;
  const t = Number(m[1]);
  if (Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(m[2]!, 'hex'));
}
