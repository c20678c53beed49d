// "A newer request supersedes a stale one": while one call runs, later calls wait; only the
// newest waiting call runs next, the ones it replaced resolve as superseded and the result of a
// call that was overtaken while running is reported stale, so the UI never paints old results.
// (The worker computes synchronously, so a running call cannot be interrupted; dropping the
// queue is what keeps slider drags from piling up.)

export type Outcome<T> = { ok: true; value: T } | { ok: false; superseded: true };

export function latestOnly<A, T>(run: (arg: A) => Promise<T>): (arg: A) => Promise<Outcome<T>> {
  let generation = 0;
  let running: Promise<unknown> | null = null;
  let waiting: { arg: A; gen: number; resolve: (o: Outcome<T>) => void; reject: (e: unknown) => void } | null = null;

  const start = (arg: A, gen: number, resolve: (o: Outcome<T>) => void, reject: (e: unknown) => void): void => {
    const p = run(arg).then(
      (value) => resolve(gen === generation ? { ok: true, value } : { ok: false, superseded: true }),
      (err: unknown) => (gen === generation ? reject(err) : resolve({ ok: false, superseded: true })),
    );
    running = p.finally(() => {
      running = null;
      const next = waiting;
      waiting = null;
      if (next) start(next.arg, next.gen, next.resolve, next.reject);
    });
  };

  return (arg: A) =>
    new Promise<Outcome<T>>((resolve, reject) => {
      const gen = ++generation;
      if (running === null) {
        start(arg, gen, resolve, reject);
        return;
      }
      waiting?.resolve({ ok: false, superseded: true });
      waiting = { arg, gen, resolve, reject };
    });
}
