import type { FastifyRequest } from 'fastify';
import { JifenError } from '../../shared/errors.js';

/** The Idempotency-Key every command carries (the same key with the same request has its effect once). */
export const idempotencyKeyOf = (req: FastifyRequest): string => {
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || !/^[\w.:-]{8,128}$/.test(key))
    throw new JifenError(
      'validation_failed',
      '命令须带 Idempotency-Key 请求头（8–128 位字母、数字或 _.:-）',
      [{ path: '$headers.idempotency-key', message: '缺少或格式不正确' }],
    );
  return key;
};

/** The case version the user saw (If-Match), when given: a different current version is a conflict. */
export const expectedVersionOf = (req: FastifyRequest): number | undefined => {
  const v = req.headers['if-match'];
  if (v === undefined) return undefined;
  // The case's version, as digits (an entity tag may quote it): `0x1`, `1e0`, ` 1` are not versions.
  const m = /^(?:(\d{1,9})|"(\d{1,9})")$/.exec(String(v));
  const n = m ? Number(m[1] ?? m[2]) : NaN;
  if (!Number.isInteger(n))
    throw new JifenError('validation_failed', 'If-Match 应为申请的版本号', [
      { path: '$headers.if-match', message: '应为整数版本号' },
    ]);
  return n;
};

export { shanghaiDay } from '../../shared/shanghaiDay.js';
