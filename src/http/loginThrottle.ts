/**
 * Per-address login throttle (a fixed window per minute), in memory: it slows a
 * password-guessing client on one server. The per-account lockout is in the
 * database and holds across servers (src/accounts/login.ts).
 */
export class LoginThrottle {
  private readonly hits = new Map<string, { window: number; count: number }>();

  constructor(private readonly perMinute: number) {}

  /** True if this attempt is allowed. `nowMs` is passed in: no hidden clock. */
  allow(key: string, nowMs: number): boolean {
    const window = Math.floor(nowMs / 60_000);
    const h = this.hits.get(key);
    if (!h || h.window !== window) {
      if (this.hits.size > 10_000) this.hits.clear();
      this.hits.set(key, { window, count: 1 });
      return true;
    }
    h.count++;
    return h.count <= this.perMinute;
  }
}
