import type { FastifyInstance } from 'fastify';
import { JifenError } from '../shared/errors.js';

/**
 * Bodies that are a file's bytes (evidence uploads, issue 15): sent raw, one
 * file a request, so no multipart parser is needed. Accepted only by the
 * routes that declare `binaryBody`; anywhere else such a body is refused with
 * 415, as before. The size is counted while reading: beyond the route's
 * limit the request is refused with 413 naming the field, and what remains of
 * the body is discarded (up to a bound), so the client reads the answer
 * instead of a reset connection.
 */
const MEDIA_TYPES = ['application/octet-stream', 'application/pdf', 'image/jpeg', 'image/png'];
/** After the limit, at most this much more is read and discarded before the connection is cut. */
const DRAIN_LIMIT = 64 * 1024 * 1024;

export function installBinaryBody(app: FastifyInstance): void {
  app.addContentTypeParser(MEDIA_TYPES, (req, payload, done) => {
    const spec = req.routeOptions.config?.binaryBody;
    if (!spec) {
      payload.resume();
      done(
        new JifenError('unsupported_media_type', '此接口只接受 JSON 请求体', [], { reason: 'media_type' }),
        undefined,
      );
      return;
    }
    // Parsing runs before authentication (preValidation): a caller without any credential is
    // refused before a byte is kept.
    if (!req.headers.authorization && !req.headers.cookie) {
      payload.resume();
      done(new JifenError('unauthenticated', '请先登录'), undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    let settled = false;
    const finish = (e: Error | null, body?: Buffer) => {
      if (settled) return;
      settled = true;
      done(e, body);
    };
    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (over) {
        if (size > spec.maxBytes + DRAIN_LIMIT) payload.destroy();
        return;
      }
      if (size > spec.maxBytes) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    const tooLarge = () =>
      new JifenError('payload_too_large', spec.tooLarge, [{ path: spec.field, message: spec.tooLarge }], {
        limit: spec.maxBytes,
      });
    payload.on('end', () => (over ? finish(tooLarge()) : finish(null, Buffer.concat(chunks, size))));
    payload.on('error', (e) => finish(over ? tooLarge() : e));
    payload.on('close', () => {
      if (over && !payload.readableEnded) finish(tooLarge());
    });
  });
}
