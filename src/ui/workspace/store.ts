// The workspace panel's page state: connected or local, the register as last read, the outbox.
// The app stays fully local until the user connects; nothing is sent before that.
import type { Actions } from '../../state/actions';
import { BASELINE_ID } from '../../core/scenario';
import type { AppState } from '../../state/app-state';
import { dataFileText, projectWithData } from '../../state/autosave';
import type { KeyValue } from '../../state/persist';
import { type Decision, Outbox, type Outcome, type Review, WorkspaceClient } from '../../state/workspace';
import { createWorkspaceShared, type WorkspaceShared } from '../../state/workspace-shared';
import { useApp } from '../context';
import { tm } from '../../i18n';
import type { Persistence } from '../../state/persistence';
import { ws } from './signals';

function storage(): KeyValue | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export { ws };

export const outbox = new Outbox(storage());
ws.outbox.value = outbox.list().length;

// the workspace is the server that served this page (its CSP admits only its own origin)
export const client = new WorkspaceClient(typeof location === 'undefined' ? 'http://localhost/' : location.origin);

function report<T>(r: Outcome<T>): r is Extract<Outcome<T>, { ok: true }> {
  if (r.ok) return true;
  if (r.offline) ws.message.value = { kind: 'offline', key: 'ws.msg.offline', args: { detail: r.message } };
  else if (r.status === 401 && r.error === 'login') {
    ws.session.value = null;
    ws.message.value = { kind: 'error', key: 'ws.msg.loggedOut' };
  } else ws.message.value = { kind: 'error', key: `ws.err.${r.error}`, args: { detail: r.message } };
  return false;
}

const say = (kind: 'error' | 'offline' | 'info', key: string, args?: Record<string, string | number>): void => {
  ws.message.value = { kind, key, args };
};

const made = new WeakMap<AppState, WorkspaceShared>();

/** The shared data, scenarios, accounts and ledger of this page's workspace (made on first use). */
export function sharedFor(state: AppState, actions: Actions, persistence: Pick<Persistence, 'deps'>): WorkspaceShared {
  let sh = made.get(state);
  if (sh) return sh;
  const projectDeps = () => persistence.deps;
  sh = createWorkspaceShared({
    client,
    outbox,
    kv: storage(),
    report,
    say,
    onOutbox: () => (ws.outbox.value = outbox.list().length),
    app: {
      dataProject: async () => (state.project.peek() ? (JSON.parse(await dataFileText(state, projectDeps())) as Record<string, unknown>) : null),
      // the workspace's data with this page's scenarios, views, ledger entries, profile and parameters
      openBaseline: (project, fileName) => actions.openProjectText(projectWithData(state, projectDeps(), JSON.stringify(project)), fileName),
      openScenario: () => {
        const session = state.session.peek();
        const f = actions.scenarioFileText();
        if (!session || session.active === BASELINE_ID || !f) return null;
        return { id: session.active, name: f.name, file: JSON.parse(f.text) as Record<string, unknown> };
      },
      importScenario: (file) => {
        const r = actions.importScenarioText(JSON.stringify(file));
        if (!r.ok) return { ok: false, message: r.problems.map((m) => tm(state.lang.peek(), m)).join('; ') };
        return { ok: true, id: state.session.peek()?.active ?? '' };
      },
      year: () => state.params.peek().year,
      projectFile: () => state.projectFile.value,
    },
  });
  made.set(state, sh);
  return sh;
}

export function useShared(): WorkspaceShared {
  const { state, actions, persistence } = useApp();
  return sharedFor(state, actions, persistence);
}

async function busy<T>(f: () => Promise<T>): Promise<T> {
  ws.busy.value = true;
  try {
    return await f();
  } finally {
    ws.busy.value = false;
  }
}

/** On opening: is there a workspace here, and is this browser still logged in? */
export async function probe(): Promise<void> {
  const r = await client.me();
  if (r.ok) {
    ws.session.value = r.value;
    await refresh();
  }
}

export const login = (name: string, password: string): Promise<void> =>
  busy(async () => {
    ws.message.value = null;
    const r = await client.login(name, password);
    if (!r.ok && !r.offline && r.status === 401) {
      ws.message.value = { kind: 'error', key: 'ws.msg.badLogin' };
      return;
    }
    if (!report(r)) return;
    ws.session.value = r.value;
    await refresh();
  });

export const logout = (): Promise<void> =>
  busy(async () => {
    await client.logout();
    ws.session.value = null;
    ws.reviews.value = [];
    ws.opened.value = null;
  });

export async function refresh(): Promise<void> {
  const r = await client.reviews(ws.filter.value);
  if (report(r)) ws.reviews.value = r.value;
}

export const openReview = (id: number): Promise<void> =>
  busy(async () => {
    const r = await client.review(id);
    if (report(r)) ws.opened.value = r.value;
  });

function replaced(r: Review): void {
  ws.opened.value = r;
  ws.reviews.value = ws.reviews.value.map((x) => (x.id === r.id ? r : x));
}

/** A conflict (someone else moved the review on) shows what it is now; nothing is overwritten. */
function conflict(r: Outcome<Review>): void {
  if (!r.ok && !r.offline && r.status === 409 && r.current) ws.opened.value = r.current as Review;
}

export const uploadReport = (pdf: ArrayBuffer): Promise<void> =>
  busy(async () => {
    const o = ws.opened.value;
    if (!o) return;
    const r = await client.uploadReport(o, pdf);
    conflict(r);
    if (report(r)) {
      replaced(r.value);
      ws.message.value = { kind: 'info', key: 'ws.msg.reportSaved', args: { number: r.value.number, kb: Math.ceil(pdf.byteLength / 1024) } };
    }
  });

/** A change to the opened review. While the workspace cannot be reached it is kept for upload and
 *  the page shows the review as the change leaves it, one revision on (`local`), so the next kept
 *  change on it is made from that revision — on upload they apply in order, or are refused. */
const stepOpened = (send: (o: Review) => Promise<Outcome<Review>>, local: (o: Review) => Partial<Review>): Promise<void> =>
  busy(async () => {
    const o = ws.opened.value;
    if (!o) return;
    const r = await send(o);
    if (!r.ok && r.offline) {
      replaced({ ...o, ...local(o), revision: o.revision + 1 });
      return;
    }
    conflict(r);
    if (report(r)) replaced(r.value);
  });

export const editOpened = (sh: WorkspaceShared, fields: { applicant: string; project: string }): Promise<void> =>
  stepOpened(
    (o) => sh.edit(o, fields),
    () => ({ applicant: fields.applicant.trim(), project: fields.project.trim() }),
  );

export const submitOpened = (sh: WorkspaceShared): Promise<void> =>
  stepOpened(
    (o) => sh.submit(o),
    () => ({ status: 'submitted' }),
  );

export const decideOpened = (sh: WorkspaceShared, decision: Decision, note: string): Promise<void> =>
  stepOpened(
    (o) => sh.decide(o, decision, note),
    () => ({ status: 'decided', decision, decisionNote: note, reviewer: ws.session.peek()?.user.name ?? null }),
  );

/** Saves a review; when the workspace cannot be reached it is kept in this browser for upload. */
export const saveReview = (body: Parameters<WorkspaceClient['createReview']>[0]): Promise<Review | null> =>
  busy(async () => {
    const r = await client.createReview(body);
    if (!r.ok && r.offline) {
      outbox.add({ op: 'review', review: body });
      ws.outbox.value = outbox.list().length;
      ws.message.value = { kind: 'offline', key: 'ws.msg.keptLocally', args: { n: ws.outbox.value } };
      return null;
    }
    if (!report(r)) return null;
    ws.message.value = { kind: 'info', key: 'ws.msg.saved', args: { number: r.value.number } };
    ws.reviews.value = [r.value, ...ws.reviews.value];
    ws.opened.value = r.value;
    return r.value;
  });

export const uploadOutbox = (sh: WorkspaceShared): Promise<void> =>
  busy(async () => {
    await sh.uploadAll();
    // the opened review as the server now has it (a kept change shown locally may have been refused)
    const o = ws.opened.value;
    if (o) {
      const r = await client.review(o.id);
      if (r.ok) ws.opened.value = r.value;
    }
    await refresh();
  });

export const withBusy = busy;
