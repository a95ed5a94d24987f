/** Builds a handler on its first invocation, so importing a handler module reads no environment. */
export function lazyHandler<E, R>(build: () => (event: E) => Promise<R>): (event: E) => Promise<R> {
  let built: ((event: E) => Promise<R>) | undefined;
  return (event: E) => (built ??= build())(event);
}
