import type { FastifyInstance } from 'fastify';
import { JifenError } from '../shared/errors.js';
import { findUnsafeText } from '../shared/safeText.js';

/**
 * Enforces the one string rule (src/shared/safeText.ts) on every route, in one
 * place: path parameters, query and JSON body are walked before any schema or
 * handler sees them, so no route can forget it. Registered after authentication
 * (an anonymous caller still gets 401/403 first), before validation.
 */
export function installInputHygiene(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const issues = [
      ...findUnsafeText(req.params, '$params'),
      ...findUnsafeText(req.query, '$query'),
      // An uploaded file (src/http/binaryBody.ts) is bytes, not text: its content is checked by its own rules.
      ...(Buffer.isBuffer(req.body) ? [] : findUnsafeText(req.body, '$')),
    ];
    if (issues.length > 0) throw new JifenError('validation_failed', '请求含有不允许的字符', issues);
  });
}
