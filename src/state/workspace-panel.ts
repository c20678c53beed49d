// The workspace panel's page state and steps: connected or local, the register as last read, the
// opened review, the outbox. One per app, made when the panel (or the ledger) is first used, so its
// client and the API schemas load with the panel's chunk. The app stays fully local until the user
// connects; nothing is sent before that.
import '../i18n/workspace'; // its strings: loaded with this code, not with the page
import '../i18n/workspace-shared'; // its strings: loaded with this code, not with the page
import { BASELINE_ID } from '../core/scenario';
import { tm } from '../i18n';
import type { Actions } from './actions';
import type { AppState } from './app-state';
import { dataFileText, projectWithData } from './autosave';
import type { KeyValue } from './persist';
import type { Persistence } from './persistence';
import { type Decision, Outbox, type Outcome, type Review, WorkspaceClient } from './workspace';
import { createWorkspaceShared, type Say, type SharedDeps, type WorkspaceShared } from './workspace-shared';
import type { WorkspaceSignals } from './workspace-signals';

export interface WorkspaceDeps {
  state: AppState;
  actions: Actions;
  persistence: Pick<Persistence, 'deps'>;
  /** the browser's storage: the outbox, the links of shared scenarios, the shared baseline */
  storage: KeyValue | null;
  /** the workspace server: the origin that served the page (its CSP admits only its own origin) */
  origin: string;
  /** the network (in tests: a server's handler, or a refusal) */
  fetch?: typeof fetch;
  /** the clock a kept change's time reads */
  now?: () => Date;
}

/** What the shared part (workspace-shared.ts) needs of this page: its data, scenarios and settings. */
function pageSide(d: WorkspaceDeps): SharedDeps['app'] {
  const { state, actions } = d;
  const projectDeps = () => d.persistence.deps;
  return {
    dataProject: async () => (state.project.peek() ? (JSON.parse(await dataFileText(state, projectDeps())) as Record<string, unknown>) : null),
    // the workspace's data with this page's scenarios, views, ledger entries, profile and parameters
    openBaseline: (project, fileName) => actions.openProjectText(projectWithData(state, projectDeps(), JSON.stringify(project)), fileName),
    openScenario: () => {
      const session = state.session.peek();
      const f = actions.scenarioFileText();
      if (!session || session.active === BASELINE_ID || !f) return null;
      return { id: session.active, name: f.name, file: JSON.parse(f.text) as Record<string, unknown> };
    },
    importScenario: async (file) => {
      const r = await actions.importScenarioText(JSON.stringify(file));
      if (!r.ok) return { ok: false, message: r.problems.map((m) => tm(state.lang.peek(), m)).join('; ') };
      return { ok: true, id: state.session.peek()?.active ?? '' };
    },
    year: () => state.params.peek().year,
    projectFile: () => state.projectFile.value,
  };
}

/** What the steps below share: the panel's signals, the client, and how an answer is told. */
interface Ctx {
  ws: WorkspaceSignals;
  client: WorkspaceClient;
  /** true when the outcome succeeded, otherwise it says why (the panel's message) */
  report: <T>(r: Outcome<T>) => r is Extract<Outcome<T>, { ok: true }>;
  say: Say;
  withBusy: <T>(f: () => Promise<T>) => Promise<T>;
  refresh: () => Promise<void>;
}

/** Connecting, the register as last read, opening one review. */
function registerSteps({ ws, client, report, say, withBusy, refresh }: Ctx) {
  return {
    /** On opening: is there a workspace here, and is this browser still logged in? */
    async probe(): Promise<void> {
      const r = await client.me();
      if (r.ok) {
        ws.session.value = r.value;
        await refresh();
      }
    },

    login: (name: string, password: string): Promise<void> =>
      withBusy(async () => {
        ws.message.value = null;
        const r = await client.login(name, password);
        if (!r.ok && !r.offline && r.status === 401) {
          say('error', 'ws.msg.badLogin');
          return;
        }
        if (!report(r)) return;
        ws.session.value = r.value;
        await refresh();
      }),

    logout: (): Promise<void> =>
      withBusy(async () => {
        await client.logout();
        ws.session.value = null;
        ws.reviews.value = [];
        ws.opened.value = null;
      }),

    openReview: (id: number): Promise<void> =>
      withBusy(async () => {
        const r = await client.review(id);
        if (report(r)) ws.opened.value = r.value;
      }),
  };
}

/** The opened review's changes: its report, its fields, submit and decide. */
function openedSteps({ ws, client, report, say, withBusy }: Ctx, shared: WorkspaceShared) {
  function replaced(r: Review): void {
    ws.opened.value = r;
    ws.reviews.value = ws.reviews.value.map((x) => (x.id === r.id ? r : x));
  }

  /** A conflict (someone else moved the review on) shows what it is now; nothing is overwritten. */
  function conflict(r: Outcome<Review>): void {
    if (!r.ok && !r.offline && r.status === 409 && r.current) ws.opened.value = r.current as Review;
  }

  /** A change to the opened review. While the workspace cannot be reached it is kept for upload and
   *  the page shows the review as the change leaves it, one revision on (`local`), so the next kept
   *  change on it is made from that revision — on upload they apply in order, or are refused. */
  const stepOpened = (send: (o: Review) => Promise<Outcome<Review>>, local: (o: Review) => Partial<Review>): Promise<void> =>
    withBusy(async () => {
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

  return {
    uploadReport: (pdf: ArrayBuffer): Promise<void> =>
      withBusy(async () => {
        const o = ws.opened.value;
        if (!o) return;
        const r = await client.uploadReport(o, pdf);
        conflict(r);
        if (report(r)) {
          replaced(r.value);
          say('info', 'ws.msg.reportSaved', { number: r.value.number, kb: Math.ceil(pdf.byteLength / 1024) });
        }
      }),

    editOpened: (fields: { applicant: string; project: string }): Promise<void> =>
      stepOpened(
        (o) => shared.edit(o, fields),
        () => ({ applicant: fields.applicant.trim(), project: fields.project.trim() }),
      ),

    submitOpened: (): Promise<void> =>
      stepOpened(
        (o) => shared.submit(o),
        () => ({ status: 'submitted' }),
      ),

    decideOpened: (decision: Decision, note: string): Promise<void> =>
      stepOpened(
        (o) => shared.decide(o, decision, note),
        () => ({ status: 'decided', decision, decisionNote: note, reviewer: ws.session.peek()?.user.name ?? null }),
      ),
  };
}

/** New reviews, and the changes kept in this browser while the workspace could not be reached. */
function outboxSteps({ ws, client, report, say, withBusy, refresh }: Ctx, shared: WorkspaceShared, outbox: Outbox, now: () => Date) {
  return {
    /** Saves a review; when the workspace cannot be reached it is kept in this browser for upload. */
    saveReview: (body: Parameters<WorkspaceClient['createReview']>[0]): Promise<Review | null> =>
      withBusy(async () => {
        const r = await client.createReview(body);
        if (!r.ok && r.offline) {
          if (!outbox.add({ op: 'review', review: body }, now())) {
            say('error', 'ws.msg.notKept', { detail: r.message });
            return null;
          }
          ws.outbox.value = outbox.list().length;
          say('offline', 'ws.msg.keptLocally', { n: ws.outbox.value });
          return null;
        }
        if (!report(r)) return null;
        say('info', 'ws.msg.saved', { number: r.value.number });
        ws.reviews.value = [r.value, ...ws.reviews.value];
        ws.opened.value = r.value;
        return r.value;
      }),

    uploadOutbox: (): Promise<void> =>
      withBusy(async () => {
        await shared.uploadAll();
        // the opened review as the server now has it (a kept change shown locally may have been refused)
        const o = ws.opened.value;
        if (o) {
          const r = await client.review(o.id);
          if (r.ok) ws.opened.value = r.value;
        }
        await refresh();
      }),
  };
}

export function createWorkspace(ws: WorkspaceSignals, d: WorkspaceDeps) {
  const now = d.now ?? (() => new Date());
  const outbox = new Outbox(d.storage);
  const client = new WorkspaceClient(d.origin, d.fetch);
  ws.outbox.value = outbox.list().length;

  const say: Say = (kind, key, args) => {
    ws.message.value = { kind, key, args };
  };
  function report<T>(r: Outcome<T>): r is Extract<Outcome<T>, { ok: true }> {
    if (r.ok) return true;
    if (r.offline) say('offline', 'ws.msg.offline', { detail: r.message });
    else if (r.status === 401 && r.error === 'login') {
      ws.session.value = null;
      say('error', 'ws.msg.loggedOut');
    } else say('error', `ws.err.${r.error}`, { detail: r.message });
    return false;
  }
  async function withBusy<T>(f: () => Promise<T>): Promise<T> {
    ws.busy.value = true;
    try {
      return await f();
    } finally {
      ws.busy.value = false;
    }
  }
  async function refresh(): Promise<void> {
    const r = await client.reviews(ws.filter.value);
    if (report(r)) ws.reviews.value = r.value;
  }

  /** the shared data, scenarios, accounts and ledger of this page's workspace */
  const shared = createWorkspaceShared({
    client,
    outbox,
    kv: d.storage,
    report,
    say,
    onOutbox: () => (ws.outbox.value = outbox.list().length),
    now,
    app: pageSide(d),
  });
  const ctx: Ctx = { ws, client, report, say, withBusy, refresh };
  return { ws, shared, withBusy, refresh, ...registerSteps(ctx), ...openedSteps(ctx, shared), ...outboxSteps(ctx, shared, outbox, now) };
}

export type Workspace = ReturnType<typeof createWorkspace>;
