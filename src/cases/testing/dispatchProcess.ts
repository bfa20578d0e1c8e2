/**
 * A dispatcher in its own process, for the crash test: `crash` sends the first
 * message it claims and dies before recording the result (the outcome is
 * unknown to the database); `normal` drains the outbox.
 *
 *   node --import tsx dispatchProcess.ts <sqlite|postgres> <file-or-url> <sms.jsonl> <now> <crash|normal>
 */
import { DevSmsProvider } from '../../notify/DevSmsProvider.js';
import { dispatchBatch, type OutgoingMessage } from '../../notify/dispatcher.js';
import { openDatabase } from '../../storage/openDatabase.js';

const [dialect, location, smsFile, now, mode] = process.argv.slice(2) as [
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
const dev = new DevSmsProvider(smsFile);
const provider =
  mode === 'crash'
    ? {
        async send(m: OutgoingMessage) {
          await dev.send(m);
          process.exit(3); // gone between the provider's acceptance and the database's record
        },
      }
    : dev;
let total = 0;
for (;;) {
  const r = await dispatchBatch(handle.db, provider, now, { limit: 20 });
  total += r.sent;
  if (r.claimed === 0) break;
}
process.stdout.write(JSON.stringify({ sent: total }));
await handle.close();
