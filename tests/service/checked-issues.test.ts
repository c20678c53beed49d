// The outlines' self-intersection check runs after a project's first analysis, not before it
// (parseProject's ringsLater, the session's checkedIssues): the list the page ends with must be the
// one the full check gives, in the same order, with every warning, and the first list must lack
// exactly the ring findings. A sample project with crossed outlines in two layers, a value the
// loader warns about and an outline outside China.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnalysisSession } from '../../src/service/session';
import { createActions } from '../../src/state/actions';
import { createAppState } from '../../src/state/app-state';
import { latestOnly } from '../../src/worker/latest';
import { parseProject, withRingIssues } from '../../src/schemas';
import { projectWithImport } from '../../src/state/import-apply';
import type { ImportApplied } from '../../src/service/import-export';

type Feature = { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } };
type Sample = { communities: { features: Feature[] }; streets: { features: Feature[] } };

/** a figure-of-eight over the box [x0, x1] × [y0, y1]: its two diagonals cross at the box's centre */
const bowtie = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x0, y1],
      [x1, y1],
      [x0, y0],
    ],
  ],
});

function crossedProject(): string {
  const p = JSON.parse(readFileSync('data/sample/project.json', 'utf8')) as Sample;
  const [c1, c2, c3] = p.communities.features;
  c1.geometry = bowtie(108.902, 34.152, 108.906, 34.156); // crosses at (108.904, 34.154)
  c2.properties.人口 = 'many'; // a loader warning before its ring finding
  c2.geometry = bowtie(108.908, 34.152, 108.914, 34.158); // crosses at (108.911, 34.155)
  // in the Pacific, outside China: a finding after the ring check's
  c3.geometry = bowtie(150, 39.9, 150.01, 39.91);
  p.streets.features[0].geometry = bowtie(108.9, 34.14, 108.96, 34.18); // crosses at (108.93, 34.16)
  return JSON.stringify(p);
}

const selfIntersections = (issues: { id: string; msg: { key: string; args?: Record<string, unknown> } }[]) =>
  issues.filter((i) => i.msg.key === 'issue.selfIntersection').map((i) => `${i.id} ${String(i.msg.args?.at)}`);

/** the page's state and actions on a session in this thread; `checking` runs as the page asks for the checks */
function pageOn(api: ReturnType<typeof createAnalysisSession>, hooks: { analysed?: () => void; checking?: () => Promise<void> }) {
  const state = createAppState({ lang: 'zh', basemap: { kind: 'demo' } });
  const actions = createActions(state, {
    client: {
      listProfiles: async () => api.listProfiles(),
      load: async (t, name) => api.load(t, name),
      loadUrl: async () => {
        throw new Error('not here');
      },
      analyse: latestOnly(async (req) => {
        hooks.analysed?.();
        return api.analyse(req);
      }),
      walkAreas: latestOnly(async (req) => api.walkAreas(req)),
      checkedIssues: async () => {
        await hooks.checking?.();
        return api.checkedIssues();
      },
    },
    storage: null,
    keepFile: async () => undefined,
  });
  return { state, actions };
}

describe('self-intersection checks after the first analysis', () => {
  const text = crossedProject();
  const full = parseProject(text, 'p.json');
  if (!full.ok) throw new Error(JSON.stringify(full.problems));

  it('the full check finds the four crossings where the diagonals meet (worked out by hand), and C3 outside China after its crossing', () => {
    const c3 = full.issues.filter((i) => i.id === 'C3').map((i) => i.msg.key);
    expect(c3).toEqual(['issue.selfIntersection', 'issue.outsideChina']);
    expect(selfIntersections(full.issues).sort()).toEqual(['C1 108.904000,34.154000', 'C2 108.911000,34.155000', 'C3 150.005000,39.905000', 'S1 108.930000,34.160000'].sort());
  });

  it('parseProject with ringsLater leaves exactly those out; withRingIssues puts them back in the same places', () => {
    const later = parseProject(text, 'p.json', { ringsLater: true });
    if (!later.ok) throw new Error('refused');
    expect(selfIntersections(later.issues)).toEqual([]);
    expect(later.issues).toEqual(full.issues.filter((i) => i.msg.key !== 'issue.selfIntersection'));
    expect(withRingIssues(later.issues, later.ringsLater ?? [])).toEqual(full.issues);
  });

  it('the session opens with the quick list, then checkedIssues() answers the full one once', () => {
    const session = createAnalysisSession();
    const opened = session.load(text, 'p.json');
    if (!opened.ok) throw new Error('refused');
    expect(selfIntersections(opened.project.issues)).toEqual([]);
    session.analyse({ profile: 'combined', params: {} });
    expect(session.checkedIssues()).toEqual(full.issues);
    expect(session.checkedIssues()).toBeNull();
    // another project: its own full list, not the last one's
    const sample = readFileSync('data/sample/project.json', 'utf8');
    const clean = parseProject(sample, 'sample.json');
    expect(session.load(sample, 'sample.json').ok).toBe(true);
    expect(session.checkedIssues()).toEqual(clean.ok ? clean.issues : null);
  });

  it('the page opens with the quick list and ends with the full one, the verdicts first', async () => {
    const order: string[] = [];
    const { state, actions } = pageOn(createAnalysisSession(), {
      analysed: () => order.push('analyse'),
      checking: async () => void order.push('checkedIssues'),
    });
    const seen: number[] = [];
    const stop = state.issuesChecked.subscribe((v) => seen.push(v));
    await actions.openProjectText(text, 'p.json');
    stop();
    expect(order).toEqual(['analyse', 'checkedIssues']);
    expect(state.phase.value).toBe('ready');
    expect(state.project.value?.issues).toEqual(full.issues);
    expect(seen).toEqual([0, 1]); // the issue lists were told
  });

  it('an import that replaced the facilities before the checks answered keeps the findings about the outlines it did not replace', async () => {
    let release = () => {};
    let asked = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const reached = new Promise<void>((r) => (asked = r));
    const { state, actions } = pageOn(createAnalysisSession(), {
      checking: async () => {
        asked();
        await gate; // the user accepts an import while the checks run
      },
    });
    const opening = actions.openProjectText(text, 'p.json');
    await reached;
    const opened = state.project.value!;
    const applied = { kind: 'facilities', mode: 'replace', roadCount: 0, credits: [], record: {} } as unknown as ImportApplied;
    const imported = projectWithImport(opened, applied, opened.facilities.slice(0, 3));
    state.project.value = imported;
    release();
    await opening;
    expect(state.project.value).toBe(imported);
    // the crossings of C1, C2, C3 and S1 (outlines the import kept) are all there, in the full check's order
    expect(imported.issues).toEqual(full.issues.filter((i) => i.level !== 'facility'));
    expect(selfIntersections(imported.issues)).toHaveLength(4);
    // the import's undo brings the opened project back, whole
    expect(opened.issues).toEqual(full.issues);
  });
});
