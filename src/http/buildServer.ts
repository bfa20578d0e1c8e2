import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { checkPolicy, composePolicy } from '../policy/composePolicy.js';
import { PolicyStore } from '../policy/PolicyStore.js';
import type { Database } from '../storage/schema.js';
import { installAuth } from './auth.js';
import type { ServerConfig } from './config.js';
import { installInputHygiene } from './inputHygiene.js';
import { createRenderPool } from './renderPool.js';
import { DEFAULT_THROTTLES, installThrottles, type ThrottleName } from './throttles.js';
import { requestSerializer } from './logRedaction.js';
import { installMetrics } from './metrics.js';
import type { PoolStats } from '../storage/openDatabase.js';
import { accountRoutes } from './routes/accountRoutes.js';
import { adminRoutes } from './routes/adminRoutes.js';
import { installPolicy } from './installPolicy.js';
import { cityRoutes } from './routes/cityRoutes.js';
import { counterRoutes } from './routes/counterRoutes.js';
import { claimRoutes } from './routes/claimRoutes.js';
import { penaltyRoutes } from './routes/penaltyRoutes.js';
import { taskRoutes } from './routes/taskRoutes.js';
import { caseRoutes } from './routes/caseRoutes.js';
import { workspaceRoutes } from './routes/workspaceRoutes.js';
import { documentRoutes } from './routes/documentRoutes.js';
import { notifyRoutes } from './routes/notifyRoutes.js';
import { verifyPageRoutes } from './routes/verifyPageRoutes.js';
import { RETRY_AFTER_SECONDS, toProblem } from './problem.js';
import type { RouteSpec } from './routeSpec.js';
import { evidenceRoutes } from './routes/evidenceRoutes.js';
import { publicRoutes } from './routes/publicRoutes.js';
import { HSTS, securityHeaders } from './securityHeaders.js';
import { problemSchema } from './schemas.js';
import { installBinaryBody } from './binaryBody.js';
import { validatorCompiler } from './validation.js';
import { installWebApp, wantsWebApp } from './webApp.js';

export interface ServerDeps {
  config: ServerConfig;
  /** Extra routes (the authenticated API adds its table here). */
  routes?: RouteSpec[];
  /** Readiness probe of the dependencies (database …). */
  ready?: () => Promise<void>;
  /** pino options, or false to log nothing (tests). */
  logger?: FastifyServerOptions['logger'];
  /** The case core's database; without it only the public routes are served. */
  db?: Kysely<Database>;
  /** Lists, dashboards and exports (a replica or a separate pool, issue 16); default `db`. */
  readDb?: Kysely<Database>;
  /** Where time enters the system (the engine and the use cases take it as an argument). */
  clock?: () => string;
  /**
   * Requests per address per minute of every throttle (src/http/throttles.ts): tests raise it.
   * `throttles` sets them one by one.
   */
  loginPerMinute?: number;
  throttles?: Partial<Record<ThrottleName, number>>;
  /** Worker threads rendering PDFs and plans (default: the cores less one); 0 renders on the event loop. */
  renderThreads?: number;
  /** Serve the built web UI (web/dist) at / — on by default when it has been built. */
  webApp?: boolean;
  /** The database pool's figures, for /metrics. */
  poolStats?: () => PoolStats;
  /** The policy data (a test's own store); by default composed here from rules/ and the stored revisions. */
  policy?: PolicyStore;
}

/**
 * The server's policy store, composed once at start (src/policy/composePolicy.ts): the
 * files plus the revisions in the database. A database without the table yet (or out of
 * reach) leaves the files' snapshot; the store retries on the next request.
 */
async function openPolicyStore(app: FastifyInstance, db: Kysely<Database> | undefined): Promise<PolicyStore> {
  try {
    return await PolicyStore.open(db);
  } catch (error) {
    app.log.warn({ err: error }, 'policy revisions not loaded');
    return new PolicyStore(checkPolicy(composePolicy()), db);
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Personal data never reaches the logs (docs/spec/workflow.md): bodies are not logged, and
 * headers and fields that may carry credentials or identities are redacted.
 */
export const LOG_REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.idNumber',
  '*.phone',
  '*.q',
  '*.name',
  '*.displayName',
  '*.code',
];

/** The HTTP server: thin routes over the engine and the case core; errors render themselves. */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    // Request URLs are logged redacted (notice codes, search terms, names): src/http/logRedaction.ts.
    logger:
      deps.logger === false
        ? false
        : {
            ...(deps.logger && typeof deps.logger === 'object' ? deps.logger : { level: config.LOG_LEVEL }),
            redact: LOG_REDACT,
            serializers: { req: requestSerializer as never },
          },
    bodyLimit: config.JIFEN_BODY_LIMIT,
    trustProxy: config.JIFEN_TRUST_PROXY === 'true',
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    // Errors raised before routing (a malformed or over-long URL) use the same problem+json shape.
    frameworkErrors: (error, req, reply) => {
      const problem = toProblem(error, req.id);
      void (reply as unknown as FastifyReply)
        .status(problem.status)
        .type('application/problem+json')
        .send(problem);
    },
  });

  // JSON only: a text/plain body is refused with 415 instead of being handed to a validator as a string.
  app.removeContentTypeParser('text/plain');
  // Fastify's own JSON parser (same poisoning rules), which also keeps the raw text for the routes that
  // verify a signature over the exact bytes received (the SMS gateway's delivery reports).
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (req.routeOptions.config?.rawBody) req.rawBody = body as string;
    parseJson(req, body as string, done);
  });
  installBinaryBody(app);
  app.setValidatorCompiler(validatorCompiler);
  // Responses are our own objects, already shaped by the contracts: plain JSON.stringify is exact and fast.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  installPolicy(app, deps.policy ?? (await openPolicyStore(app, deps.db)));

  const security = securityHeaders();
  app.addHook('onRequest', async (req, reply) => {
    reply.headers(security);
    reply.header('x-request-id', req.id);
    // req.protocol is the socket's, or X-Forwarded-Proto only when JIFEN_TRUST_PROXY is set.
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
  // Answers for a signed-in user are personal: never kept by a browser or a shared cache.
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.actor && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.setErrorHandler((error, req, reply) => {
    const problem = toProblem(error, req.id);
    if (problem.status === 503) {
      // The database is restarting or out of reach: the client should retry (same Idempotency-Key).
      req.log.warn({ code: problem.code }, 'request failed: database unavailable');
      void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    } else if (problem.status >= 500) req.log.error({ err: error }, 'request failed');
    else req.log.info({ code: problem.code, status: problem.status }, 'request rejected');
    return reply.status(problem.status).type('application/problem+json').send(problem);
  });
  const web = deps.webApp !== false && (await installWebApp(app));
  app.setNotFoundHandler((req, reply) =>
    web && wantsWebApp(req)
      ? app.sendWebApp!(reply)
      : reply
          .status(404)
          .type('application/problem+json')
          .send(toProblem({ code: 'FST_ERR_NOT_FOUND' }, req.id)),
  );

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'jifen 上海市居住证积分 API',
        version: '1',
        description:
          '模拟估分、达标方案、申请条件预检、材料清单、政策参数查询，以及积分申办流程。错误均为 problem+json。',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'jifen_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
    // Every schema with a contract id (src/contract/, `.meta({ id })`) becomes a component, so each
    // `$ref` of the document resolves (src/http/openapi.test.ts validates it).
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  installMetrics(app, {
    ...(deps.db ? { db: deps.db } : {}),
    ...(deps.poolStats ? { poolStats: deps.poolStats } : {}),
    ...(config.JIFEN_METRICS_TOKEN ? { token: config.JIFEN_METRICS_TOKEN } : {}),
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (req, reply) => {
    try {
      await deps.ready?.();
      return { status: 'ready' };
    } catch (error) {
      req.log.warn({ err: error }, 'not ready');
      return reply.status(503).send({ status: 'not ready' });
    }
  });

  const clock = deps.clock ?? (() => new Date().toISOString());
  const throttleOf = await installThrottles(app, {
    ...((deps.loginPerMinute ?? config.JIFEN_THROTTLE_PER_MINUTE)
      ? Object.fromEntries(
          Object.keys(DEFAULT_THROTTLES).map((k) => [
            k,
            deps.loginPerMinute ?? config.JIFEN_THROTTLE_PER_MINUTE,
          ]),
        )
      : {}),
    ...deps.throttles,
  });
  const renderThreads = deps.renderThreads ?? config.JIFEN_RENDER_THREADS;
  const render =
    renderThreads === 0
      ? undefined
      : createRenderPool({
          revisions: () => app.policyStore.revisions,
          ...(renderThreads ? { threads: renderThreads } : {}),
        });
  if (render) app.addHook('onClose', () => render.close());
  // Graceful shutdown: a request still running when close() begins (e.g. waiting for a render
  // worker) answers with `Connection: close`, and its connection is ended once idle — otherwise a
  // client's keep-alive connection would hold the server open past the shutdown grace.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
  app.addHook('onResponse', async () => {
    if (closing) app.server.closeIdleConnections();
  });
  const routes = [...publicRoutes(render), ...(deps.routes ?? [])];
  if (deps.db) {
    await app.register(cookie);
    installAuth(app, deps.db, clock);
    routes.push(
      ...accountRoutes({ db: deps.db, clock, cookieSecure: config.JIFEN_COOKIE_SECURE }),
      ...caseRoutes({ db: deps.db, readDb: deps.readDb ?? deps.db, clock }),
      // City supervision: lists, statistics and exports only (no If-Match is fed from them).
      ...cityRoutes({ db: deps.readDb ?? deps.db, clock }),
      ...adminRoutes({ db: deps.db, clock, policy: app.policyStore }),
      ...workspaceRoutes({ db: deps.db, clock }),
      ...documentRoutes({
        db: deps.db,
        clock,
        publicUrl: config.JIFEN_PUBLIC_URL,
        ...(render ? { render } : {}),
      }),
      ...verifyPageRoutes({ db: deps.db, clock }),
      ...notifyRoutes({ db: deps.db, clock, callbackSecret: config.JIFEN_SMS_CALLBACK_SECRET }),
      ...counterRoutes({ db: deps.db, clock }),
      ...claimRoutes({ db: deps.db, clock }),
      ...penaltyRoutes({ db: deps.db, clock }),
      ...taskRoutes({ db: deps.db, readDb: deps.readDb ?? deps.db, clock }),
      ...evidenceRoutes({ db: deps.db, clock }),
    );
  }
  app.decorate('routeTable', routes);
  installInputHygiene(app);

  for (const spec of routes) {
    const s = spec.schema ?? {};
    const { onRequest, throttle } = throttleOf(spec.method, spec.url);
    app.route({
      method: spec.method,
      ...(onRequest ? { onRequest } : {}),
      url: spec.url,
      schema: {
        summary: spec.summary,
        tags: spec.tags,
        ...(s.body ? { body: s.body } : {}),
        ...(s.querystring ? { querystring: s.querystring } : {}),
        ...(s.params ? { params: s.params } : {}),
        ...(s.headers ? { headers: s.headers } : {}),
        response: { ...(s.response ?? {}), '4XX': problemSchema },
      },
      config: {
        access: spec.access,
        ...(spec.rawBody ? { rawBody: true } : {}),
        ...(spec.binaryBody ? { binaryBody: spec.binaryBody } : {}),
        ...(throttle ? { throttle } : {}),
      },
      handler: spec.handler,
    });
  }
  return app;
}
