// What a structure holds, for the tests of the memory-saving paths: whether objects let go are
// collected (V8's full GC, switched on here) and whether an object keeps fast properties.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
// read when a function is compiled, so setting it before `new Function` below is enough
setFlagsFromString('--allow-natives-syntax');
const gc = runInNewContext('gc') as () => void;

/** V8's own test of an object's shape: false for a dictionary (an object with a closure of its own
 *  as a getter, for one) */
export const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;

/** How many of the WeakRefs' targets are left after a few full collections (a WeakRef's target is
 *  kept until the task that made or read it ends: each round waits for a new one). */
export async function heldAfterGc(refs: readonly WeakRef<object>[]): Promise<number> {
  let left = refs.length;
  for (let round = 0; round < 5 && left > 0; round++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    gc();
    left = refs.filter((r) => r.deref() !== undefined).length;
  }
  return left;
}
