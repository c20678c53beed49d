// Comparison state: which two sides (baseline or a scenario) are compared, the worker's answer,
// and who needs it (the compare panel, presentation mode, the print sheet). While anyone needs
// it, a change of the sides, the profile, the parameters or the scenarios' edits asks the
// worker again; the client drops superseded answers, so an old comparison is never shown.
import { batch, effect, signal, type Signal } from '@preact/signals';
import type { Params } from '../core/params';
import { BASELINE_ID, type Scenario } from '../core/scenario/scenarios';
import { t } from '../i18n';
import type { Outcome } from '../worker/latest';
import type { CompareRequest, CompareResult, CompareSide } from '../service/compare';
import type { AppState } from './app-state';
import { errorMessage } from '../core/errors';

/** one side of a comparison as the worker sends it (the compare maps draw it) */
export type { CompareSide };

export type CompareRun = (req: CompareRequest) => Promise<Outcome<CompareResult>>;

export interface CompareDeps {
  run: CompareRun;
  /** the project's scenarios as they stand (the open one's unsaved edits included) */
  scenarios: () => Scenario[];
  /** the open scenario's id (BASELINE_ID when none) */
  active: () => string;
}

/** Who asks for a comparison: while the set is not empty, comparisons are kept up to date. */
export type CompareUser = 'panel' | 'present' | 'print';

export interface CompareState {
  a: Signal<string>;
  b: Signal<string>;
  /** side by side, or one map over the other with a swipe line */
  mode: Signal<'side' | 'swipe'>;
  /** the maps colour what changed from A to B (default), or each side's own verdict */
  colourBy: Signal<'change' | 'verdict'>;
  /** the rule (key) the maps compare, null for the overall verdict */
  rule: Signal<string | null>;
  users: Signal<ReadonlySet<CompareUser>>;
  result: Signal<CompareResult | null>;
  /** the request the result answers (sides by id), so a panel never shows a result for other sides */
  resultFor: Signal<{ a: string; b: string } | null>;
  busy: Signal<boolean>;
  error: Signal<string | null>;
}

export function requestFor(scenarios: readonly Scenario[], id: string): { ok: true; scenario: Scenario | null } | { ok: false; id: string } {
  if (id === BASELINE_ID) return { ok: true, scenario: null };
  const s = scenarios.find((x) => x.id === id);
  return s ? { ok: true, scenario: s } : { ok: false, id };
}

export function createCompare(app: AppState, deps: CompareDeps) {
  const s: CompareState = {
    a: signal(BASELINE_ID),
    b: signal(BASELINE_ID),
    mode: signal<'side' | 'swipe'>('side'),
    colourBy: signal<'change' | 'verdict'>('change'),
    rule: signal<string | null>(null),
    users: signal<ReadonlySet<CompareUser>>(new Set()),
    result: signal<CompareResult | null>(null),
    resultFor: signal<{ a: string; b: string } | null>(null),
    busy: signal(false),
    error: signal<string | null>(null),
  };
  let settled: Promise<void> = Promise.resolve();

  async function run(a: string, b: string, profile: string, params: Params, scenarios: Scenario[]): Promise<void> {
    const ra = requestFor(scenarios, a);
    const rb = requestFor(scenarios, b);
    if (!ra.ok || !rb.ok) {
      s.error.value = t(app.lang.peek(), 'present.compare.gone', { id: !ra.ok ? ra.id : (rb as { id: string }).id });
      return;
    }
    s.busy.value = true;
    try {
      const out = await deps.run({ profile, params, a: ra.scenario, b: rb.scenario });
      if (!out.ok) return; // a newer comparison is on its way
      batch(() => {
        s.result.value = out.value;
        s.resultFor.value = { a, b };
        s.error.value = null;
        s.busy.value = false;
      });
    } catch (e) {
      batch(() => {
        s.error.value = t(app.lang.peek(), 'present.compare.failed', { detail: errorMessage(e) });
        s.busy.value = false;
      });
    }
  }

  // re-compare whenever a side, the profile, the parameters or any scenario changes, while needed
  const stop = effect(() => {
    if (s.users.value.size === 0 || !app.project.value) return;
    const a = s.a.value;
    const b = s.b.value;
    const profile = app.profile.value;
    const params = app.params.value;
    const scenarios = deps.scenarios();
    settled = run(a, b, profile, params, scenarios);
  });

  // presentation and print show the open scenario against the baseline, following a switch
  const follow = effect(() => {
    const u = s.users.value;
    if (!u.has('present') && !u.has('print')) return;
    const id = deps.active();
    if (s.a.peek() === BASELINE_ID && s.b.peek() === id) return;
    batch(() => {
      s.a.value = BASELINE_ID;
      s.b.value = id;
    });
  });

  function need(user: CompareUser, on: boolean): void {
    const next = new Set(s.users.peek());
    if (on) next.add(user);
    else next.delete(user);
    s.users.value = next;
  }

  return {
    state: s,
    /** resolves once the newest comparison has landed (print and tests wait on it) */
    settled: () => settled,
    /** the compare panel opens: A = baseline, B = the open scenario unless chosen already; the
     *  maps compare the rule the main map is coloured by */
    openPanel(): void {
      batch(() => {
        s.rule.value = app.rule.peek();
        if (s.a.peek() === s.b.peek()) {
          s.a.value = BASELINE_ID;
          s.b.value = deps.active();
        }
        need('panel', true);
      });
    },
    closePanel(): void {
      need('panel', false);
    },
    choose(side: 'a' | 'b', id: string): void {
      s[side].value = id;
    },
    swap(): void {
      batch(() => {
        const a = s.a.peek();
        s.a.value = s.b.peek();
        s.b.value = a;
      });
    },
    setMode(m: 'side' | 'swipe'): void {
      s.mode.value = m;
    },
    setColourBy(c: 'change' | 'verdict'): void {
      s.colourBy.value = c;
    },
    setRule(rule: string | null): void {
      s.rule.value = rule;
    },
    /** presentation and print compare the open scenario with the baseline (see `follow`) */
    followActive(user: 'present' | 'print', on: boolean): void {
      need(user, on);
    },
    dispose(): void {
      stop();
      follow();
    },
  };
}

export type Compare = ReturnType<typeof createCompare>;
