// Long loops of the site suggestion are generators that yield at checkpoints (every few thousand
// items). The CLI runs them straight through; the worker pauses at them now and then so that a
// cancel message can arrive, and either may stop there. Stopping throws SuggestStopped and returns
// nothing partial. Pure: how to pause is the caller's function (the worker waits for a macrotask).

export type Steps<T> = Generator<void, T, void>;

/** items (cells, edges, pairs, candidates) between two checkpoints */
export const CHECK_EVERY = 4096;

/** The run was stopped at a checkpoint by its `shouldStop`; it has no result. */
export class SuggestStopped extends Error {
  constructor() {
    super('site suggestion stopped (cancelled or superseded)');
    this.name = 'SuggestStopped';
  }
}

/** Counts work and says when a checkpoint is due: `if (tick.add(n)) yield;`. */
export class Tick {
  private done = 0;
  add(n = 1): boolean {
    this.done += n;
    if (this.done < CHECK_EVERY) return false;
    this.done = 0;
    return true;
  }
}

function stop<T>(steps: Steps<T>): never {
  steps.return(undefined as T);
  throw new SuggestStopped();
}

/** Runs to the end without pausing; `shouldStop` is asked at every checkpoint. */
export function runSteps<T>(steps: Steps<T>, shouldStop?: () => boolean): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (shouldStop?.()) stop(steps);
  }
}

export interface PauseOptions {
  shouldStop?: () => boolean;
  /** lets other work (messages) run; e.g. a zero-delay macrotask */
  pause: () => Promise<void>;
  /** ms of work between pauses (0: pause at every checkpoint); default 15 */
  sliceMs?: number;
  now?: () => number;
}

/** Runs with a pause at a checkpoint whenever `sliceMs` of work has passed since the last pause;
 *  `shouldStop` is asked at every checkpoint and after every pause. */
export async function runStepsAsync<T>(steps: Steps<T>, o: PauseOptions): Promise<T> {
  const now = o.now ?? (() => performance.now());
  const slice = o.sliceMs ?? 15;
  let since = now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (o.shouldStop?.()) stop(steps);
    if (now() - since >= slice) {
      await o.pause();
      if (o.shouldStop?.()) stop(steps);
      since = now();
    }
  }
}
