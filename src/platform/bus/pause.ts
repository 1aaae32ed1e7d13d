/**
 * An interruptible wait for the polling loops of a transport. A wait ends after its time, on
 * `wake()` when it is wakeable (new work arrived), or on `stop()`; after `stop()` every wait
 * returns at once, so a loop written `while (!pause.stopped) { …; await pause.wait(ms) }` ends
 * promptly and leaves no timer behind. A `wake()` while the loop is busy is remembered and ends
 * its next wakeable wait at once: the work may have arrived after the loop last looked.
 */
export class Pause {
  private readonly waiters = new Set<{ wakeable: boolean; done: () => void }>();
  private isStopped = false;
  private woken = false;

  get stopped(): boolean {
    return this.isStopped;
  }

  /** Waits `ms`, or less when woken (if `wakeable`; a backoff after an error is not) or stopped. */
  wait(ms: number, wakeable = true): Promise<void> {
    if (this.isStopped) return Promise.resolve();
    if (wakeable && this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const waiter = {
        wakeable,
        done: () => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve();
        },
      };
      const timer = setTimeout(waiter.done, ms);
      this.waiters.add(waiter);
    });
  }

  /** Ends the wakeable waits (there is new work). */
  wake(): void {
    const sleepers = [...this.waiters].filter((waiter) => waiter.wakeable);
    if (sleepers.length === 0) this.woken = true;
    for (const waiter of sleepers) waiter.done();
  }

  /** Ends every wait, now and later. */
  stop(): void {
    this.isStopped = true;
    for (const waiter of [...this.waiters]) waiter.done();
  }
}
