// A long suggestion in a worker can be cancelled at once and does not hold back other calls.
// The worker's API is exposed with Comlink over a MessageChannel in this one thread, as in the
// worker: a message is handled only when the running call lets the event loop run. The run is a
// 100 m grid over the demo's streets (159,327 candidate sites). The assertions are on the order
// of events, not on times: a call that had to wait for the whole run would come after the run's
// later phases ('solve', 'done') or after its answer.
import { readFileSync } from 'node:fs';
import { expose, proxy, wrap, type Remote } from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalysisSession } from '../../src/service/session';
import type { SuggestProgress, SuggestRequest } from '../../src/service/suggest';

const api = createAnalysisSession();

const request: SuggestRequest = {
  kind: 'childcare_centre',
  goal: 'coverage',
  sites: 3,
  capacity: 50,
  candidates: { communities: false, grid: { spacing: 100 } },
  params: { reach: 'straight' },
};

let channel: MessageChannel;
let remote: Remote<typeof api>;
let profile: string;

beforeAll(() => {
  const loaded = api.load(JSON.parse(readFileSync('data/demo/project.json', 'utf8')) as unknown, 'demo');
  if (!loaded.ok) throw new Error('the demo did not load');
  profile = loaded.project.profile;
  channel = new MessageChannel();
  expose(api, channel.port1);
  remote = wrap<typeof api>(channel.port2);
});
afterAll(() => {
  channel.port1.close();
  channel.port2.close();
});

/** runs the request, calling `during` once when the run reports that it lays its candidates */
function run(events: string[], during: () => void) {
  let fired = false;
  const onProgress = (p: SuggestProgress) => {
    events.push(`progress:${p.step}`);
    if (p.step === 'candidates' && !fired) {
      fired = true;
      during();
    }
  };
  return remote.suggest(request, proxy(onProgress)).then((out) => {
    events.push(out.ok ? 'suggest:result' : 'superseded' in out ? 'suggest:superseded' : 'suggest:error');
    return out;
  });
}

const analyse = (events: string[]) =>
  remote.analyse({ profile, params: { reach: 'straight' }, areas: false }).then((a) => {
    events.push('analyse:answered');
    return a;
  });

describe('a long suggestion in the worker', () => {
  it('cancel during the run: it answers superseded before its later phases, and an analysis sent with the cancel is answered', async () => {
    const events: string[] = [];
    const later: { analysed?: Promise<unknown> } = {};
    const out = await run(events, () => {
      void remote.cancelSuggest();
      later.analysed = analyse(events);
    });
    expect(out).toEqual({ ok: false, superseded: true });
    await later.analysed;
    // nothing after the candidates phase began: the grid, the nearest communities or the pairs
    // were interrupted; the analysis did not wait for a result that was never computed
    expect(events).not.toContain('progress:solve');
    expect(events).not.toContain('progress:done');
    expect(events.indexOf('progress:candidates')).toBeLessThan(events.indexOf('suggest:superseded'));
    expect(events).toContain('analyse:answered');
  });

  it('an analysis asked during the run (no cancel) is answered before the run goes on to its selection; the run still answers in full', async () => {
    const events: string[] = [];
    const later: { analysed?: ReturnType<typeof analyse> } = {};
    const out = await run(events, () => {
      later.analysed = analyse(events);
    });
    const a = await later.analysed;
    expect(a?.evaluation).toBeTruthy();
    expect(events.indexOf('analyse:answered')).toBeGreaterThan(events.indexOf('progress:candidates'));
    expect(events.indexOf('analyse:answered')).toBeLessThan(events.indexOf('progress:solve'));
    expect(events.at(-1)).toBe('suggest:result');
    if (!out.ok || !('result' in out)) throw new Error('expected a result');
    // the grid the run laid: every cell of the 100 m lattice inside the streets (grid.test.ts
    // checks the set against pointInArea cell by cell); here: the run was not cut short
    expect(out.result.counts.candidates).toBeGreaterThan(150_000);
    expect(out.result.sites.length).toBe(3);
  });

  it('a newer request during the run: the older answers superseded, the newer answers', async () => {
    const events: string[] = [];
    const later: { newer?: ReturnType<typeof remote.suggest> } = {};
    const older = await run(events, () => {
      later.newer = remote.suggest({ ...request, candidates: { communities: true }, sites: 1 });
    });
    expect(older).toEqual({ ok: false, superseded: true });
    const n = await later.newer;
    if (!n?.ok || !('result' in n)) throw new Error('expected the newer request to answer');
    expect(n.result.sites.length).toBe(1);
    expect(events).not.toContain('progress:solve');
  });
});
