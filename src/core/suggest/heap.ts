// A binary max-heap of candidate indices keyed by a number, for the lazy greedy.
// Order: larger key first; equal keys → smaller index first. That tie rule makes the lazy
// greedy pick exactly what the plain (naive) greedy picks, so results are reproducible.

export class IndexHeap {
  private readonly items: Int32Array;
  private readonly keys: Float64Array;
  private n = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(Math.max(1, capacity));
    this.keys = new Float64Array(Math.max(1, capacity));
  }

  get size(): number {
    return this.n;
  }

  /** true when (ka, a) should come out before (kb, b) */
  private static before(ka: number, a: number, kb: number, b: number): boolean {
    return ka > kb || (ka === kb && a < b);
  }

  push(index: number, key: number): void {
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!IndexHeap.before(key, index, this.keys[parent], this.items[parent])) break;
      this.items[i] = this.items[parent];
      this.keys[i] = this.keys[parent];
      i = parent;
    }
    this.items[i] = index;
    this.keys[i] = key;
  }

  peekIndex(): number {
    if (this.n === 0) throw new Error('IndexHeap: empty');
    return this.items[0];
  }

  peekKey(): number {
    if (this.n === 0) throw new Error('IndexHeap: empty');
    return this.keys[0];
  }

  pop(): number {
    const top = this.peekIndex();
    const last = --this.n;
    if (last > 0) {
      const index = this.items[last];
      const key = this.keys[last];
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= last) break;
        const r = l + 1;
        const c = r < last && IndexHeap.before(this.keys[r], this.items[r], this.keys[l], this.items[l]) ? r : l;
        if (!IndexHeap.before(this.keys[c], this.items[c], key, index)) break;
        this.items[i] = this.items[c];
        this.keys[i] = this.keys[c];
        i = c;
      }
      this.items[i] = index;
      this.keys[i] = key;
    }
    return top;
  }

  /** keys currently held (stale upper bounds included), any order */
  keysView(): Float64Array {
    return this.keys.subarray(0, this.n);
  }

  indicesView(): Int32Array {
    return this.items.subarray(0, this.n);
  }
}
