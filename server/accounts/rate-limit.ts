// Failed sign-ins counted per account and per client address in a sliding window (in the server's
// memory: the server is the store's one process). After `max` failures within `windowMs` the key
// is refused until the oldest failure leaves the window. A success clears the account's count.
export interface RateLimitOptions {
  max: number;
  windowMs: number;
  now?: () => number;
}

export class FailureLimiter {
  private failures = new Map<string, number[]>();
  private readonly now: () => number;

  constructor(private readonly opts: RateLimitOptions) {
    this.now = opts.now ?? Date.now;
  }

  private recent(key: string): number[] {
    const since = this.now() - this.opts.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Milliseconds to wait before `key` may try again; 0 when it may now. */
  retryAfterMs(key: string): number {
    const r = this.recent(key);
    return r.length < this.opts.max ? 0 : r[r.length - this.opts.max] + this.opts.windowMs - this.now();
  }

  fail(key: string): void {
    this.failures.set(key, [...this.recent(key), this.now()]);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }
}

/** 5 failures per 15 minutes, per account and per address (THROUGHLINE_SIGNIN_MAX_FAILURES overrides 5). */
export const SIGNIN_WINDOW_MS = 15 * 60_000;
export const signinLimiter = new FailureLimiter({ max: Number(process.env.THROUGHLINE_SIGNIN_MAX_FAILURES) || 5, windowMs: SIGNIN_WINDOW_MS });
