// A progress callback crosses to the worker as a Comlink proxy: a MessagePort (and the page's
// callback) held until the worker releases it. The worker's API is exposed here over a
// MessageChannel in this one thread, as in the worker; Comlink calls the page-side object's
// `finalizer` when the worker releases its proxy, so each call below must end with one.
import { readFileSync } from 'node:fs';
import { finalizer, proxy, transfer, type Remote } from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalysisSession } from '../../src/service/session';
import { workerApi, type WorkerApi } from '../../src/worker/worker-api';
import { overChannel } from './channel';

let remote: Remote<WorkerApi>;
let close = () => {};

beforeAll(() => {
  const api = workerApi(createAnalysisSession());
  const loaded = api.load(JSON.parse(readFileSync('data/demo/project.json', 'utf8')) as unknown, 'demo');
  if (!loaded.ok) throw new Error('the demo did not load');
  ({ remote, close } = overChannel(api));
});
afterAll(() => close());

/** a progress callback that counts its calls and its release */
function counted<T>() {
  const seen = { calls: 0, released: 0 };
  const cb = Object.assign((_: T) => void seen.calls++, { [finalizer]: () => void seen.released++ });
  return { seen, cb: proxy(cb) };
}

/** the release is a message of its own: give it a few turns of the event loop */
async function released(seen: { released: number }): Promise<number> {
  for (let i = 0; i < 50 && seen.released === 0; i++) await new Promise((r) => setTimeout(r, 10));
  return seen.released;
}

describe('the worker releases progress callbacks when their call ends', () => {
  it('reading an import (a GBK CSV of facilities)', async () => {
    const bytes = readFileSync('tests/fixtures/io/facilities-cm108-gbk.csv');
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const { seen, cb } = counted<number>();
    const out = await remote.importRead(transfer({ name: 'facilities-cm108-gbk.csv', buffer }, [buffer]), cb);
    expect(out.ok).toBe(true);
    expect(await released(seen)).toBe(1);
  });

  it('reading an import that fails (not a file the importers know)', async () => {
    const buffer = new TextEncoder().encode('not a table').buffer as ArrayBuffer;
    const { seen, cb } = counted<number>();
    await remote.importRead(transfer({ name: 'notes.bin', buffer }, [buffer]), cb).catch(() => undefined);
    expect(await released(seen)).toBe(1);
  });

  it('a suggestion', async () => {
    const { seen, cb } = counted<unknown>();
    const out = await remote.suggest({ kind: 'childcare_centre', goal: 'coverage', sites: 1, capacity: 50, candidates: { communities: true }, params: { reach: 'straight' } }, cb);
    expect(out.ok).toBe(true);
    expect(seen.calls).toBeGreaterThan(0);
    expect(await released(seen)).toBe(1);
  });
});
