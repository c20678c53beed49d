// The outbox keeps changes made while the workspace cannot be reached in the browser's storage. When
// that storage is full (or blocked) the change cannot be kept: the user must be told it was NOT saved,
// instead of nothing (an exception) or, worse, "kept on this computer".
import { describe, expect, it } from 'vitest';
import { Outbox, type Review, WorkspaceClient } from '../../src/state/workspace';
import { createWorkspaceShared } from '../../src/state/workspace-shared';
import { noOpenApp } from '../workspace-app';

/** localStorage as it is when full: reads work, every write throws QuotaExceededError */
function storage(full: boolean) {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      data.set(k, v);
    },
  };
}

/** a workspace that cannot be reached: fetch rejects as the browser's does offline */
const unreachable = new WorkspaceClient('http://127.0.0.1:9/', async () => {
  throw new TypeError('Failed to fetch');
});

function shared(kv: ReturnType<typeof storage>) {
  const said: [string, string][] = [];
  let changed = 0;
  const sh = createWorkspaceShared({
    client: unreachable,
    outbox: new Outbox(kv),
    kv,
    report: (r): r is never => r.ok,
    say: (kind, key) => void said.push([kind, key]),
    app: noOpenApp,
    onOutbox: () => void changed++,
  });
  return { sh, said, changed: () => changed };
}

const review = { id: 7, number: 'SC-2026-007', revision: 1 } as Review;

describe('the outbox over a full storage', () => {
  it('add says the change was not kept and leaves what was kept before', () => {
    const kv = storage(false);
    const before = new Outbox(kv).add({ op: 'submit', id: 1, number: 'A', revision: 1 });
    expect(before).not.toBeNull();
    const held = kv.data.get('yl.workspace.outbox');
    const full = new Outbox({ getItem: kv.getItem, setItem: storage(true).setItem });
    expect(full.add({ op: 'submit', id: 2, number: 'B', revision: 1 })).toBeNull();
    expect(full.list().map((e) => e.op.op === 'submit' && e.op.number)).toEqual(['A']);
    expect(kv.data.get('yl.workspace.outbox')).toBe(held);
  });

  it('a change made offline with a full storage is said to be NOT saved, not "kept"', async () => {
    const { sh, said, changed } = shared(storage(true));
    const r = await sh.submit(review);
    expect(r.ok).toBe(false);
    expect(said).toEqual([['error', 'ws.msg.notKept']]);
    expect(sh.outboxEntries()).toEqual([]);
    expect(changed()).toBe(0);
  });

  it('with room in the storage the same change is kept and said to be kept', async () => {
    const { sh, said, changed } = shared(storage(false));
    await sh.submit(review);
    expect(said).toEqual([['offline', 'ws.msg.keptChange']]);
    expect(sh.outboxEntries().map((e) => e.op)).toEqual([{ op: 'submit', id: 7, number: 'SC-2026-007', revision: 1 }]);
    expect(changed()).toBe(1);
  });
});
