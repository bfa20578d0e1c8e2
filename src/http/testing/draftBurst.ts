import type { Kysely } from 'kysely';
import { issueApiToken } from '../../accounts/apiTokens.js';
import { seedHolderRow, seedUnitRow } from '../../cases/testing/world.js';
import { insertUser } from '../../storage/userRepository.js';
import type { Database } from '../../storage/schema.js';

/**
 * The fault tests' burst (issue #8): an HR officer's integration (API token)
 * files drafts for many holders, several in flight at once, each with its own
 * Idempotency-Key, retrying a 503 (after its Retry-After) or a lost connection
 * with the same key — and, given several servers, on the next one — until it is
 * acknowledged or the deadline passes.
 */
export interface BurstWorld {
  token: string;
  holders: string[];
}

export async function seedBurstWorld(db: Kysely<Database>, n: number): Promise<BurstWorld> {
  const now = '2025-01-02T01:00:00.000Z';
  await seedUnitRow(db, {
    id: 'burst-unit',
    name: '突发企业',
    creditCode: '913100000000BURT0W',
    district: '闵行',
    now,
  });
  await insertUser(db, {
    id: 'burst-hr',
    username: 'burst.hr',
    displayName: '经办人',
    role: 'employer_hr',
    unitId: 'burst-unit',
    now,
  });
  const { token } = await issueApiToken(db, {
    userId: 'burst-hr',
    name: 'burst',
    scopes: ['cases:read', 'cases:write'],
    issuer: 'operator',
    now,
  });
  const holders: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `burst-h${i}`;
    // Permits in force whatever today is: the servers run on the real clock.
    await seedHolderRow(
      db,
      {
        id,
        birthDate: '1990-05-01',
        permit: { issuedOn: '2024-01-02', validUntil: '2099-12-31', endorsedUntil: '2099-12-31' },
        months: { from: '2025-01', to: '2025-03', baseCny: 15000 },
      },
      700 + i,
      '913100000000BURT0W',
      now,
    );
    holders.push(id);
  }
  return { token, holders };
}

export interface BurstOutcome {
  /** Case id acknowledged (201) per holder. */
  acked: Map<string, string>;
  /** Every status seen (0 = connection lost), with counts. */
  statuses: Map<number, number>;
  /** 503 responses that were problem+json with a Retry-After header. */
  retryable503: number;
}

export async function draftBurst(o: {
  urls: () => string[];
  world: BurstWorld;
  concurrency: number;
  deadlineMs: number;
  /** Called after each acknowledgement with the number so far. */
  onAck?: (n: number) => void;
}): Promise<BurstOutcome> {
  const out: BurstOutcome = { acked: new Map(), statuses: new Map(), retryable503: 0 };
  const queue = [...o.world.holders];
  const end = Date.now() + o.deadlineMs;
  let turn = 0;
  const one = async (holderId: string) => {
    for (let attempt = 0; Date.now() < end; attempt++) {
      const urls = o.urls();
      const url = urls[(turn++ + attempt) % urls.length]!;
      let status: number;
      let wait = 200;
      try {
        const r = await fetch(`${url}/api/v1/cases`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${o.world.token}`,
            'content-type': 'application/json',
            'idempotency-key': `burst-${holderId}`,
          },
          body: JSON.stringify({ holderId }),
          signal: AbortSignal.timeout(10_000),
        });
        status = r.status;
        const body = (await r.json()) as { caseId?: string };
        if (status === 201) {
          out.acked.set(holderId, body.caseId!);
          o.onAck?.(out.acked.size);
        } else if (status === 503) {
          const after = Number(r.headers.get('retry-after'));
          if (after > 0 && r.headers.get('content-type')?.startsWith('application/problem+json'))
            out.retryable503++;
          wait = Math.min(1000, after * 1000 || 500);
        }
      } catch {
        status = 0;
      }
      out.statuses.set(status, (out.statuses.get(status) ?? 0) + 1);
      if (status === 201) return;
      if (status !== 0 && status !== 503) return; // not retryable: the test fails on it
      await new Promise((r) => setTimeout(r, wait));
    }
  };
  await Promise.all(
    Array.from({ length: o.concurrency }, async () => {
      for (let h = queue.shift(); h; h = queue.shift()) await one(h);
    }),
  );
  return out;
}

/** One case per holder, each the acknowledged one. */
export async function casesPerHolder(db: Kysely<Database>, holders: string[]) {
  const rows = await db
    .selectFrom('cases')
    .select(['holderId', 'id'])
    .where('holderId', 'in', holders)
    .execute();
  const byHolder = new Map<string, string[]>();
  for (const r of rows) byHolder.set(r.holderId, [...(byHolder.get(r.holderId) ?? []), r.id]);
  return byHolder;
}
