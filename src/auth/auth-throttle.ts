import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Throttles guessing of API keys: counts failed authentications (an Authorization header that names no
 * configured key) per client address, in a fixed window of one minute that starts at the first failure. Once a
 * client has `failuresPerMinute` failures in its window, its requests that carry an Authorization header are
 * refused (429 TOO_MANY_REQUESTS with Retry-After) until the window ends; its requests without a key still pass,
 * since anonymous reads never guess a key. The count is in this process's memory: one instance of the API, one
 * count (behind several instances a client gets `failuresPerMinute` per instance). The client address is the
 * TCP peer: behind a reverse proxy every client shares the proxy's address.
 */
export class AuthThrottle {
  private readonly failures: RateLimiterMemory;

  constructor(private readonly failuresPerMinute: number) {
    this.failures = new RateLimiterMemory({ points: failuresPerMinute, duration: 60 });
  }

  /** Seconds until `client` may try a key again (at least 1), or 0 when it may now. */
  async retryAfterSeconds(client: string): Promise<number> {
    const state = await this.failures.get(client);
    if (!state || state.consumedPoints < this.failuresPerMinute) return 0;
    return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  }

  /** Counts one failed authentication by `client`. */
  async recordFailure(client: string): Promise<void> {
    await this.failures.consume(client).catch((outcome: unknown) => {
      // consume rejects with the limiter's state once the points are used up: the count is kept, nothing failed.
      if (!(outcome instanceof RateLimiterRes)) throw outcome;
    });
  }
}
