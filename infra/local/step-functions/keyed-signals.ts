/** In-process notifications by key (a task token, an execution ARN): many waiters, one notify. */
export class KeyedSignals<T> {
  private readonly waiters = new Map<string, Set<(value: T) => void>>();

  /** Registers a waiter; call `dispose` when no longer interested. Register before reading the store. */
  wait(key: string): { promise: Promise<T>; dispose: () => void } {
    let set = this.waiters.get(key);
    if (!set) this.waiters.set(key, (set = new Set()));
    let resolve!: (value: T) => void;
    const promise = new Promise<T>((res) => (resolve = res));
    set.add(resolve);
    const dispose = (): void => {
      set.delete(resolve);
      if (set.size === 0 && this.waiters.get(key) === set) this.waiters.delete(key);
    };
    return { promise, dispose };
  }

  notify(key: string, value: T): void {
    const set = this.waiters.get(key);
    if (!set) return;
    this.waiters.delete(key);
    for (const resolve of set) resolve(value);
  }
}
