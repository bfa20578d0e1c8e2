/**
 * A fake SMS gateway on 127.0.0.1 for tests and the benchmark: a real HTTP
 * server speaking the generic driver's protocol. It checks the signature,
 * dedups by message id like a real gateway must, and follows a script of
 * behaviours per request: `ok`, `500` (transient), `400` (permanent), `hang`
 * (accepts the message, answers too late: the client times out).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIGNATURE_HEADER, verifySignature } from '../requestSignature.js';

export type GatewayBehaviour = 'ok' | '500' | '400' | 'hang';

export interface FakeSmsGateway {
  url: string;
  /** Every request, in order (ids only). */
  requests: string[];
  /** What reached a handset: one entry per id, however often it was sent. */
  delivered: Map<string, { to: string; text: string }>;
  script: GatewayBehaviour[];
  /** Called on each request before answering (e.g. to kill a dispatcher mid-call). */
  onRequest?: (id: string) => void;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

export async function startFakeSmsGateway(opts: {
  secret: string;
  hangMs?: number;
}): Promise<FakeSmsGateway> {
  const gateway: FakeSmsGateway = {
    url: '',
    requests: [],
    delivered: new Map(),
    script: [],
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const header = req.headers[SIGNATURE_HEADER];
      if (
        !verifySignature(
          opts.secret,
          body,
          typeof header === 'string' ? header : undefined,
          Date.now() / 1000,
        )
      ) {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"bad signature"}');
        return;
      }
      const sms = JSON.parse(body) as { id: string; to: string; text: string };
      if (req.headers['idempotency-key'] !== sms.id) {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"idempotency key"}');
        return;
      }
      gateway.requests.push(sms.id);
      gateway.onRequest?.(sms.id);
      const behaviour = gateway.script.shift() ?? 'ok';
      if (behaviour === '500') {
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"overloaded"}');
        return;
      }
      if (behaviour === '400') {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid number"}');
        return;
      }
      // Accepted: sent to the handset once per id.
      if (!gateway.delivered.has(sms.id)) gateway.delivered.set(sms.id, { to: sms.to, text: sms.text });
      if (behaviour === 'hang') await new Promise((r) => setTimeout(r, opts.hangMs ?? 1000));
      if (!res.destroyed)
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ messageId: `gw-${sms.id}` }));
    })();
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gateway.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  gateway.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return gateway;
}
