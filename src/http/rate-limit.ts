import { HttpError } from './http-error.js';

/** A budget: at most `max` requests per `windowMs`, refilled continuously. */
export interface RateBudget {
  max: number;
  windowMs: number;
}

/**
 * Token buckets keyed by string (an IP, a conversation id). In memory, per process: enough for
 * one server; several processes behind a balancer would share a store (see docs/storage.md).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly budget: RateBudget,
    private readonly now: () => number,
  ) {}

  /** Spend one token for `key`, or throw a 429 HttpError with the seconds to wait. */
  take(key: string): void {
    const now = this.now();
    const rate = this.budget.max / this.budget.windowMs;
    const bucket = this.buckets.get(key) ?? { tokens: this.budget.max, at: now };
    bucket.tokens = Math.min(this.budget.max, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.buckets.set(key, bucket);
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000));
      throw new HttpError(429, 'RATE_LIMITED', `Too many requests; try again in ${retryAfter} s`, { 'Retry-After': String(retryAfter) });
    }
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 50_000) this.sweep(now);
  }

  /** Forget buckets that have refilled completely, so memory stays bounded. */
  private sweep(now: number): void {
    for (const [key, b] of this.buckets) if (b.tokens + (now - b.at) * (this.budget.max / this.budget.windowMs) >= this.budget.max) this.buckets.delete(key);
  }
}
