import helmet from 'helmet';

/** What helmet would set, for a same-origin app: the UI's scripts are our own; antd injects its styles inline. */
const HELMET_OPTIONS: Parameters<typeof helmet>[0] = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      upgradeInsecureRequests: null,
    },
  },
  crossOriginEmbedderPolicy: false,
  // One answer to framing: never (CSP frame-ancestors 'none', and X-Frame-Options DENY for old browsers).
  xFrameOptions: { action: 'deny' },
  // HSTS is added per request, only over https (src/http/buildServer.ts): over plain http it is meaningless.
  strictTransportSecurity: false,
};

/** The HSTS header for answers over https (a year, subdomains included: helmet's default). */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * helmet's security headers, computed once. The policy is static (no per-request
 * nonces), so running helmet's middleware on every response only rebuilt the
 * same strings: about 3 % of the CPU of a scoring request under load.
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number | string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  let called = false;
  helmet(HELMET_OPTIONS)({} as never, res as never, () => {
    called = true;
  });
  if (!called) throw new Error('helmet did not finish synchronously');
  return headers;
}
