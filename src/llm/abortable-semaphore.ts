/** Gives a slot back; calling it again does nothing. */
export type Release = () => void;

interface Waiter {
  grant(release: Release): void;
}

/**
 * At most `limit` holders at a time; the others wait in arrival order. A waiter whose signal
 * aborts leaves the queue at that moment, and its `acquire` rejects with the signal's reason.
 *
 * Why not cockatiel's BulkheadPolicy: a queued task there looks at its signal only once it is
 * dequeued, so a request whose deadline passed while waiting would keep waiting (and keep its
 * place) until a slot freed up, possibly long after the deadline. A deadline has to hold in the
 * queue too, so the queue is ours: small, and the abort removes the waiter at once.
 */
export class AbortableSemaphore {
  readonly limit: number;
  private holders = 0;
  // A Set keeps insertion order (FIFO) and removes an aborted waiter in O(1).
  private readonly waiters = new Set<Waiter>();

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`a semaphore needs a limit of at least 1, got ${limit}`);
    }
    this.limit = limit;
  }

  /** Slots held right now. */
  get inUse(): number {
    return this.holders;
  }

  /** Callers waiting for a slot right now. */
  get queued(): number {
    return this.waiters.size;
  }

  /** Resolves with a release once a slot is free (at once when one is and nobody waits). */
  acquire(signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    if (this.holders < this.limit && this.waiters.size === 0) {
      this.holders++;
      return Promise.resolve(this.releaser());
    }
    return new Promise<Release>((resolve, reject) => {
      const onAbort = () => {
        this.waiters.delete(waiter);
        reject(signal!.reason as Error);
      };
      const waiter: Waiter = {
        grant: (release) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(release);
        },
      };
      this.waiters.add(waiter);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.handOver();
    };
  }

  /** The freed slot goes straight to the longest waiter, so nobody can overtake the queue. */
  private handOver(): void {
    const next = this.waiters.values().next();
    if (next.done) {
      this.holders--;
      return;
    }
    this.waiters.delete(next.value);
    next.value.grant(this.releaser());
  }
}
