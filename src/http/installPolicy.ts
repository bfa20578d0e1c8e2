import type { FastifyInstance } from 'fastify';
import type { PolicyData } from '../policy/PolicyData.js';
import type { PolicyStore } from '../policy/PolicyStore.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The one reference to the current policy snapshot (src/policy/PolicyStore.ts). */
    policyStore: PolicyStore;
  }
  interface FastifyRequest {
    /** The policy snapshot this request reads from start to end (taken once, on arrival). */
    policy: PolicyData;
  }
}

/**
 * Hands every request the server's current policy snapshot. With a database, a
 * request first lets the store check, at most every 15 s, whether another
 * instance loaded a revision (src/policy/PolicyStore.ts); a failed check keeps
 * the snapshot it has.
 */
export function installPolicy(app: FastifyInstance, store: PolicyStore): void {
  app.decorate('policyStore', store);
  app.decorateRequest('policy', null as unknown as PolicyData);
  app.addHook('onRequest', async (req) => {
    try {
      await store.maybeRefresh();
    } catch (error) {
      req.log.warn({ err: error }, 'policy revision check failed');
    }
    req.policy = store.current;
  });
}
