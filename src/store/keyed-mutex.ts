import { AsyncLocalStorage } from "node:async_hooks";

/**
 * One queue per key, re-entrant along an async call chain: `run(key, fn)` inside another `run(key, …)` of the
 * same chain runs at once instead of waiting for itself. AsyncLocalStorage tells "my caller holds it" apart
 * from "a concurrent caller holds it", which a plain in-process flag cannot. (Work that `fn` leaves running
 * after it returns would still count as holding: don't leave any.)
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly held = new AsyncLocalStorage<ReadonlySet<string>>();

  /** Whether the current async call chain holds `key`. */
  holds(key: string): boolean {
    return this.held.getStore()?.has(key) ?? false;
  }

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    if (this.holds(key)) return fn();
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release = () => {};
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    try {
      return await this.held.run(new Set([...(this.held.getStore() ?? []), key]), fn);
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
