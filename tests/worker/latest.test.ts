import { describe, expect, it } from 'vitest';
import { latestOnly } from '../../src/worker/latest';

/** A task we finish by hand, to control the order of events exactly. */
function manual() {
  const started: number[] = [];
  const finish = new Map<number, (v: string) => void>();
  const run = (n: number) =>
    new Promise<string>((resolve) => {
      started.push(n);
      finish.set(n, resolve);
    });
  return { started, finish, run };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('latestOnly', () => {
  it('a request overtaken while running reports superseded; queued ones in between never run', async () => {
    const m = manual();
    const call = latestOnly(m.run);
    const a = call(1);
    const b = call(2); // waits
    const c = call(3); // replaces 2 in the queue
    expect(await b).toEqual({ ok: false, superseded: true });
    expect(m.started).toEqual([1]);
    m.finish.get(1)?.('one');
    expect(await a).toEqual({ ok: false, superseded: true }); // 3 was asked for after 1
    await tick();
    expect(m.started).toEqual([1, 3]);
    m.finish.get(3)?.('three');
    expect(await c).toEqual({ ok: true, value: 'three' });
  });
  it('a lone request gets its value; errors reach the newest caller', async () => {
    const call = latestOnly(async (n: number) => {
      if (n < 0) throw new Error('negative');
      return n * 2;
    });
    expect(await call(21)).toEqual({ ok: true, value: 42 });
    await expect(call(-1)).rejects.toThrow('negative');
  });
});
