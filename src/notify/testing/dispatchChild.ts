/**
 * A dispatcher in its own process for the crash test: it drains the outbox
 * through the HTTP driver; the test kills it (SIGKILL) while the gateway holds
 * its first request.
 *
 *   node --import tsx dispatchChild.ts <sqlite|postgres> <file-or-url> <gateway url> <secret> <now>
 */
import { composePolicy } from '../../policy/composePolicy.js';
import { openDatabase } from '../../storage/openDatabase.js';
import { dispatchNotifications } from '../dispatchNotifications.js';
import { HttpSmsDriver } from '../HttpSmsDriver.js';

const [dialect, location, url, secret, now] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const handle =
  dialect === 'sqlite'
    ? openDatabase({ dialect: 'sqlite', file: location, busyTimeoutMs: 20_000 })
    : openDatabase({ dialect: 'postgres', url: location, poolMax: 2 });
// The templates of the data this process composed, as a dispatcher process does.
const policy = composePolicy();
const driver = new HttpSmsDriver({ url, secret, timeoutMs: 30_000 });
process.stdout.write('ready\n');
for (;;) {
  const r = await dispatchNotifications(handle.db, driver, now, {
    limit: 5,
    leaseMs: 60_000,
    templates: policy.templates,
  });
  if (r.claimed === 0) break;
}
await handle.close();
