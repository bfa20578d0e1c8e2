import { toProblem } from './problem.js';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { safeEqual } from '../accounts/secrets.js';
import { countCasesByState } from '../storage/caseRepository.js';
import { outboxBacklog } from '../storage/outbox.js';
import type { PoolStats } from '../storage/openDatabase.js';
import type { Database } from '../storage/schema.js';

/**
 * `/metrics` in the Prometheus text format (0.0.4), without a client library:
 * per-route request counts and latency histograms kept in this process, and
 * gauges read at scrape time — outbox backlog, cases by state, the database
 * pool. Labels are route templates (`/api/v1/cases/:id`), never URLs, ids or
 * personal data, so their number is bounded by the route table.
 *
 * Each instance reports its own counters (sum them across instances in
 * Prometheus); the database gauges are the same on every instance. They are
 * cached for `gaugeTtlMs` so that several scrapers, or several instances, do
 * not turn scrapes into load.
 */
export interface MetricsDeps {
  db?: Kysely<Database>;
  poolStats?: () => PoolStats;
  /** When set, scrapes must send `Authorization: Bearer <token>`. */
  token?: string;
  gaugeTtlMs?: number;
}

/** Upper bounds of the latency buckets, seconds: the 100 ms goal and its neighbours are resolved. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Series {
  count: number;
  sum: number;
  buckets: number[];
}

const OPEN_STATES = [
  'draft',
  'submitted',
  'supplement_required',
  'accepted',
  'under_review',
  'verified',
  'determined',
];
const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export class HttpMetrics {
  readonly requests = new Map<string, number>();
  readonly latency = new Map<string, Series>();

  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `method="${method}",route="${escapeLabel(route)}"`;
    const countKey = `${key},status="${status}"`;
    this.requests.set(countKey, (this.requests.get(countKey) ?? 0) + 1);
    let s = this.latency.get(key);
    if (!s) this.latency.set(key, (s = { count: 0, sum: 0, buckets: LATENCY_BUCKETS.map(() => 0) }));
    s.count++;
    s.sum += seconds;
    for (let i = 0; i < LATENCY_BUCKETS.length; i++) if (seconds <= LATENCY_BUCKETS[i]!) s.buckets[i]!++;
  }

  render(): string {
    const out = [
      '# HELP jifen_http_requests_total HTTP requests served, by route template and status.',
      '# TYPE jifen_http_requests_total counter',
    ];
    for (const [labels, n] of this.requests) out.push(`jifen_http_requests_total{${labels}} ${n}`);
    out.push(
      '# HELP jifen_http_request_duration_seconds Time to serve a request, by route template.',
      '# TYPE jifen_http_request_duration_seconds histogram',
    );
    for (const [labels, s] of this.latency) {
      LATENCY_BUCKETS.forEach((le, i) =>
        out.push(`jifen_http_request_duration_seconds_bucket{${labels},le="${le}"} ${s.buckets[i]}`),
      );
      out.push(`jifen_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${s.count}`);
      out.push(`jifen_http_request_duration_seconds_sum{${labels}} ${s.sum}`);
      out.push(`jifen_http_request_duration_seconds_count{${labels}} ${s.count}`);
    }
    return out.join('\n');
  }
}

async function databaseGauges(db: Kysely<Database>): Promise<string[]> {
  const backlog = await outboxBacklog(db);
  const byState = new Map<string, number>();
  for (const r of await countCasesByState(db)) byState.set(r.state, (byState.get(r.state) ?? 0) + r.count);
  const out = [
    '# HELP jifen_outbox_messages Outbox messages not yet delivered, by status (dead = gave up, needs an operator).',
    '# TYPE jifen_outbox_messages gauge',
    ...(['pending', 'sending', 'dead'] as const).map(
      (s) => `jifen_outbox_messages{status="${s}"} ${backlog.byStatus[s] ?? 0}`,
    ),
    '# HELP jifen_outbox_oldest_pending_timestamp_seconds When the oldest pending message became due (0: none).',
    '# TYPE jifen_outbox_oldest_pending_timestamp_seconds gauge',
    `jifen_outbox_oldest_pending_timestamp_seconds ${backlog.oldestPendingAt ? Date.parse(backlog.oldestPendingAt) / 1000 : 0}`,
    '# HELP jifen_cases Cases by state (open states and determined).',
    '# TYPE jifen_cases gauge',
    ...OPEN_STATES.map((s) => `jifen_cases{state="${s}"} ${byState.get(s) ?? 0}`),
  ];
  return out;
}

function poolGauges(p: PoolStats): string[] {
  return [
    '# HELP jifen_db_pool_connections Database connections of this instance, by state.',
    '# TYPE jifen_db_pool_connections gauge',
    `jifen_db_pool_connections{state="total"} ${p.total}`,
    `jifen_db_pool_connections{state="idle"} ${p.idle}`,
    `jifen_db_pool_connections{state="waiting"} ${p.waiting}`,
    '# HELP jifen_db_pool_max Largest number of database connections this instance opens (JIFEN_DB_POOL_MAX).',
    '# TYPE jifen_db_pool_max gauge',
    `jifen_db_pool_max ${p.max}`,
  ];
}

/** Records every response and serves GET /metrics. */
export function installMetrics(app: FastifyInstance, deps: MetricsDeps): HttpMetrics {
  const metrics = new HttpMetrics();
  const ttl = deps.gaugeTtlMs ?? 10_000;
  let cached: { at: number; lines: Promise<string[]> } | undefined;
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    metrics.observe(req.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    // Off unless the operator set JIFEN_METRICS_TOKEN; then only a scraper holding it reads (docs/operations.md).
    if (!deps.token)
      return reply
        .status(404)
        .type('application/problem+json')
        .send(toProblem({ code: 'FST_ERR_NOT_FOUND' }, req.id));
    const given = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7) : '';
    if (!safeEqual(given, deps.token)) return reply.status(401).type('text/plain').send('unauthorized\n');
    const lines = [metrics.render()];
    if (deps.db) {
      if (!cached || Date.now() - cached.at > ttl) {
        const db = deps.db;
        cached = { at: Date.now(), lines: databaseGauges(db) };
        // A failed read is not cached: the next scrape tries again.
        cached.lines.catch(() => (cached = undefined));
      }
      try {
        lines.push(...(await cached.lines));
        lines.push('jifen_database_up 1');
      } catch {
        lines.push('jifen_database_up 0');
      }
    }
    if (deps.poolStats) lines.push(...poolGauges(deps.poolStats()));
    const mem = process.memoryUsage();
    lines.push(
      '# HELP process_resident_memory_bytes Resident memory of this instance.',
      '# TYPE process_resident_memory_bytes gauge',
      `process_resident_memory_bytes ${mem.rss}`,
      '# HELP process_uptime_seconds Seconds since this instance started.',
      '# TYPE process_uptime_seconds gauge',
      `process_uptime_seconds ${Math.round(process.uptime())}`,
    );
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(`${lines.join('\n')}\n`);
  });
  return metrics;
}
