/**
 * The mixed city workload over HTTP, a closed loop of virtual users on
 * keep-alive connections (an equivalent of autocannon's request sequences with
 * per-operation latencies): holders simulating their score and checking their
 * cases, HR officers filing and submitting, clerks reading their queue and
 * accepting cases (after viewing them for the materials), approvers
 * determining verified cases. Every command carries a fresh Idempotency-Key
 * and If-Match with the version it expects; each case is acted on once.
 */
import http from 'node:http';
import { DISTRICTS } from '../../src/storage/schema.js';
import { synthHolder } from '../../src/synth/synthProfile.js';
import { WORLD_TODAY } from './caseTemplates.js';
import {
  caseIdOf,
  holderIdOf,
  holderUserIdOf,
  hrIdOf,
  officerId,
  tokenOf,
  unitOf,
  UNITS_PER_DISTRICT,
} from './seedCity.js';

export interface WorkloadPools {
  /** Case holders with an account (holder user i ↔ holder i). */
  holderUsers: number;
  /** Next holder without a case (HR files for them), and the end of that range. */
  nextFree: number;
  holders: number;
  seed: number;
  submitted: { caseId: string; version: number; district: number }[];
  verified: { caseId: string; version: number; district: number }[];
}

export interface OpStats {
  name: string;
  latencies: number[];
  errors: number;
  statuses: Map<number, number>;
}

export interface WorkloadReport {
  seconds: number;
  requests: number;
  perSecond: number;
  ops: {
    name: string;
    count: number;
    perSecond: number;
    p50: number;
    p95: number;
    p99: number;
    errors: number;
    statuses: string;
  }[];
  all: { p50: number; p95: number; p99: number };
}

const pct = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

interface Res {
  status: number;
  json: Record<string, unknown> | undefined;
}

function request(
  agent: http.Agent,
  base: URL,
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Res> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method,
        path,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let json: Record<string, unknown> | undefined;
          if (text.startsWith('{')) {
            try {
              json = JSON.parse(text) as Record<string, unknown>;
            } catch {
              json = undefined;
            }
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** Weights per operation (a holder-heavy day of a filing wave). */
export const MIX: [string, number][] = [
  ['holder: simulate score', 35],
  ['holder: my cases', 25],
  ['hr: file + submit', 10],
  ['clerk: queue', 8],
  ['clerk: view + accept', 12],
  ['approver: determine', 10],
];

export async function runWorkload(o: {
  urls: string[];
  connections: number;
  seconds: number;
  pools: WorkloadPools;
  label: string;
}): Promise<WorkloadReport> {
  const stats = new Map<string, OpStats>();
  const stat = (name: string) => {
    let s = stats.get(name);
    if (!s) stats.set(name, (s = { name, latencies: [], errors: 0, statuses: new Map() }));
    return s;
  };
  const agents = o.urls.map(() => new http.Agent({ keepAlive: true, maxSockets: o.connections }));
  const bases = o.urls.map((u) => new URL(u));
  const p = o.pools;
  const profiles = Array.from(
    { length: 64 },
    (_, i) => synthHolder(o.pools.holders + i, { seed: p.seed, asOf: WORLD_TODAY }).profile,
  );
  let key = 0;
  const idem = () => `scale-${o.label}-${process.pid}-${++key}`;
  const timed = async (
    name: string,
    vu: number,
    method: string,
    path: string,
    token: string | undefined,
    body?: unknown,
    headers?: Record<string, string>,
  ) => {
    const k = vu % o.urls.length;
    const t = performance.now();
    let r: Res;
    try {
      r = await request(agents[k]!, bases[k]!, method, path, token, body, headers);
    } catch {
      r = { status: 0, json: undefined };
    }
    const s = stat(name);
    s.latencies.push(performance.now() - t);
    s.statuses.set(r.status, (s.statuses.get(r.status) ?? 0) + 1);
    if (r.status < 200 || r.status >= 300) s.errors++;
    return r;
  };
  const total = MIX.reduce((a, [, w]) => a + w, 0);
  const pickOp = () => {
    let r = Math.random() * total;
    for (const [name, w] of MIX) if ((r -= w) < 0) return name;
    return MIX[0]![0];
  };
  const ops: Record<string, (vu: number) => Promise<void>> = {
    'holder: simulate score': async (vu) => {
      await timed(
        'holder: simulate score',
        vu,
        'POST',
        '/api/v1/score',
        undefined,
        profiles[vu % profiles.length],
      );
    },
    'holder: my cases': async (vu) => {
      const i = Math.floor(Math.random() * p.holderUsers);
      await timed(
        'holder: my cases',
        vu,
        'GET',
        `/api/v1/holders/${holderIdOf(i)}/cases`,
        tokenOf(holderUserIdOf(i)),
      );
    },
    'hr: file + submit': async (vu) => {
      if (p.nextFree >= p.holders) return;
      const i = p.nextFree++;
      const s = synthHolder(i, { seed: p.seed, asOf: WORLD_TODAY });
      const d = Math.max(0, DISTRICTS.indexOf(s.district as (typeof DISTRICTS)[number]));
      const token = tokenOf(hrIdOf(unitOf(d, i % UNITS_PER_DISTRICT).id));
      const caseId = caseIdOf(i);
      const created = await timed(
        'hr: create draft',
        vu,
        'POST',
        '/api/v1/cases',
        token,
        { holderId: holderIdOf(i), caseId, claims: s.profile.education ? [{ indicator: 'education' }] : [] },
        { 'idempotency-key': idem() },
      );
      if (created.status !== 201) return;
      const sub = await timed(
        'hr: submit',
        vu,
        'POST',
        `/api/v1/cases/${caseId}/submit`,
        token,
        {},
        { 'idempotency-key': idem(), 'if-match': String(created.json?.version) },
      );
      if (sub.status === 200) p.submitted.push({ caseId, version: Number(sub.json?.version), district: d });
    },
    'clerk: queue': async (vu) => {
      const d = Math.floor(Math.random() * DISTRICTS.length);
      await timed(
        'clerk: queue',
        vu,
        'GET',
        `/api/v1/districts/${encodeURIComponent(DISTRICTS[d]!)}/queue?limit=50`,
        tokenOf(officerId('clerk', d)),
      );
    },
    'clerk: view + accept': async (vu) => {
      const c = p.submitted.pop();
      if (!c) return;
      const token = tokenOf(officerId('clerk', c.district));
      const view = await timed('clerk: view case', vu, 'GET', `/api/v1/cases/${c.caseId}`, token);
      if (view.status !== 200) return;
      const received = ((view.json?.materials ?? []) as { code: string }[]).map((m) => m.code);
      await timed(
        'clerk: accept',
        vu,
        'POST',
        `/api/v1/cases/${c.caseId}/accept`,
        token,
        { received },
        { 'idempotency-key': idem(), 'if-match': String(c.version) },
      );
    },
    'approver: determine': async (vu) => {
      const c = p.verified.pop();
      if (!c) return;
      await timed(
        'approver: determine',
        vu,
        'POST',
        `/api/v1/cases/${c.caseId}/determine`,
        tokenOf(officerId('approver', c.district)),
        {},
        { 'idempotency-key': idem(), 'if-match': String(c.version) },
      );
    },
  };
  const started = performance.now();
  const deadline = started + o.seconds * 1000;
  await Promise.all(
    Array.from({ length: o.connections }, async (_, vu) => {
      while (performance.now() < deadline) await ops[pickOp()]!(vu);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  for (const a of agents) a.destroy();
  const all: number[] = [];
  const rows = [...stats.values()].map((s) => {
    s.latencies.sort((a, b) => a - b);
    all.push(...s.latencies);
    return {
      name: s.name,
      count: s.latencies.length,
      perSecond: s.latencies.length / seconds,
      p50: pct(s.latencies, 50),
      p95: pct(s.latencies, 95),
      p99: pct(s.latencies, 99),
      errors: s.errors,
      statuses: [...s.statuses].map(([k, v]) => `${k}×${v}`).join(' '),
    };
  });
  all.sort((a, b) => a - b);
  return {
    seconds,
    requests: all.length,
    perSecond: all.length / seconds,
    ops: rows.sort((a, b) => a.name.localeCompare(b.name)),
    all: { p50: pct(all, 50), p95: pct(all, 95), p99: pct(all, 99) },
  };
}
