import type { Kysely } from 'kysely';
import { DEMO_TODAY, seedDemo } from '../../demo/seedDemo.js';
import { testPolicy } from '../../policy/testing/testPolicy.js';
import type { Database } from '../../storage/schema.js';
import { startTestServer, type TestServer } from './startTestServer.js';

/**
 * The demo world (seedDemo) behind a real server whose clock stands on the demo's day, with the
 * login throttle opened for tests that sign in many roles.
 */
export async function startDemoServer(db: Kysely<Database>): Promise<TestServer> {
  await seedDemo(db, testPolicy);
  return startTestServer({ db, clock: () => `${DEMO_TODAY}T02:00:00.000Z`, loginPerMinute: 10_000 });
}
