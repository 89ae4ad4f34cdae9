/**
 * A point in time after which no network wait may go on: one per run, and a child per check that ends no later than
 * its parent. Every call, retry pause and redirect hop waits at most the smaller of its own timeout and the time
 * left here, so a check ends within its budget however many hops, chunks or retries it needs.
 *
 * Budgets, from `api-timeout` (T): each check 4 × T (the longest chain of calls that wait for one another, the
 * Platform domain, its DNS check and its status, is 3 calls deep, plus a retry pause), the run 8 × T (host reads
 * first, then the Clerk and deployed-site checks side by side), and a check's never ends after the run's. A call
 * gives up after T at most.
 */
export class Deadline {
  private constructor(
    /** Milliseconds since the epoch. */
    readonly at: number,
    /** The budget it was made with, for messages ("the check's 3 s"). */
    readonly budgetMs: number
  ) {}

  /** A deadline `ms` from now. */
  static after(ms: number): Deadline {
    return new Deadline(Date.now() + ms, ms);
  }

  /** A deadline `ms` from now, but never later than this one. */
  child(ms: number): Deadline {
    return new Deadline(Math.min(this.at, Date.now() + ms), ms);
  }

  remainingMs(): number {
    return Math.max(0, this.at - Date.now());
  }

  expired(): boolean {
    return this.remainingMs() <= 0;
  }

  /** The longer wait allowed now: `ms`, cut to the time left. */
  bound(ms: number): number {
    return Math.min(ms, this.remainingMs());
  }

  /** A signal that aborts after `callTimeoutMs` or at this deadline, whichever comes first. */
  signal(callTimeoutMs: number): AbortSignal {
    return AbortSignal.timeout(Math.max(1, this.bound(callTimeoutMs)));
  }
}

/** The run's budget for `api-timeout` T: 8 × T. */
export function runDeadline(apiTimeoutMs: number): Deadline {
  return Deadline.after(8 * apiTimeoutMs);
}

/** One check's deadline: 4 × T, within the run's when there is one. */
export function checkDeadline(apiTimeoutMs: number, run?: Deadline): Deadline {
  return run ? run.child(4 * apiTimeoutMs) : Deadline.after(4 * apiTimeoutMs);
}
