// What the team shares through the workspace beyond the review register (docs/server.md, "In the
// app"): the baseline data versions, the shared scenarios, the accounts (admins) and the target
// ledger's values. One instance per page (createWorkspaceShared); it talks to the server only
// through the WorkspaceClient, and every change the server cannot be reached for goes to the outbox.
//
// Scenarios: a local scenario saved to the workspace is linked to the server's scenario and the
// revision it was last saved at or opened from. A save writes only from that revision; when someone
// else saved in between the server refuses (409) and the conflict is shown with both sides until
// the user chooses: keep mine (as a new revision after seeing theirs), take theirs (opened as a
// local scenario of its own; mine stays), or save mine as a copy. Nothing is overwritten silently.
import { computed, signal } from '@preact/signals';
import type { KeyValue } from './persist';
import {
  currentLedger,
  currentScenario,
  type DataVersion,
  type Decision,
  type LedgerWrite,
  type Outbox,
  type OutboxOp,
  type Outcome,
  type Review,
  reviewWrite,
  type Role,
  type ScenarioWrite,
  type ServerLedgerRow,
  type SharedScenario,
  type User,
  type WorkspaceClient,
} from './workspace';

export interface Link {
  serverId: number;
  revision: number;
}

export interface Conflict {
  localId: string;
  mine: ScenarioWrite;
  theirs: SharedScenario;
}

export type Say = (kind: 'error' | 'offline' | 'info', key: string, args?: Record<string, string | number>) => void;

export interface SharedDeps {
  client: WorkspaceClient;
  outbox: Outbox;
  kv: KeyValue | null;
  /** answers an outcome: true when it succeeded, otherwise it says why (the panel's message) */
  report: <T>(r: Outcome<T>) => r is Extract<Outcome<T>, { ok: true }>;
  say: Say;
  /** the page's side: open a project text, the open scenario, import a scenario file */
  app: {
    /** the open data (without scenarios) as a project object, null when nothing is open */
    dataProject(): Promise<Record<string, unknown> | null>;
    /** opens a project from the workspace keeping the local scenarios and ledger entries */
    openBaseline(project: Record<string, unknown>, fileName: string): Promise<void>;
    /** the open scenario (null: the baseline is open) as a scenario file object */
    openScenario(): { id: string; name: string; file: Record<string, unknown> } | null;
    /** opens a scenario file as a new local scenario; its local id, or the reason it could not */
    importScenario(file: Record<string, unknown>): Promise<{ ok: true; id: string } | { ok: false; message: string }>;
    /** the evaluated year (the ledger's values are per year) */
    year(): number;
    /** the open project's file name (a signal read: the baseline's version follows it) */
    projectFile(): string | null;
  };
  /** the outbox's length changed */
  onOutbox(): void;
  /** the clock a kept change's time reads */
  now?: () => Date;
}

const LINKS = 'yl.workspace.links';
const BASELINE = 'yl.workspace.baseline';

function readJson<T>(kv: KeyValue | null, key: string, fallback: T): T {
  try {
    const v: unknown = JSON.parse(kv?.getItem(key) ?? 'null');
    return v === null ? fallback : (v as T);
  } catch {
    return fallback;
  }
}

export function createWorkspaceShared(d: SharedDeps) {
  const versions = signal<DataVersion[]>([]);
  /** the workspace data version the open data came from, with the project file name it opened as */
  const from = signal<{ version: number; file: string | null } | null>(readJson(d.kv, BASELINE, null));
  /** that version while those data are open (null: local data, or another file opened since) */
  const baseline = computed<number | null>(() => {
    const f = from.value;
    return f && typeof f.version === 'number' && f.file === d.app.projectFile() ? f.version : null;
  });
  const setFrom = (version: number): void => {
    from.value = { version, file: d.app.projectFile() };
    d.kv?.setItem(BASELINE, JSON.stringify(from.value));
  };
  const scenarios = signal<SharedScenario[]>([]);
  const links = signal<Record<string, Link>>(readJson(d.kv, LINKS, {}));
  const conflict = signal<Conflict | null>(null);
  const users = signal<User[]>([]);
  /** the ledger's values as the workspace holds them for the evaluated year (null: not read, or local) */
  const ledger = signal<ServerLedgerRow[] | null>(null);
  /** the shared lists were read since this login (false while logged out, and until the first read ends) */
  const read = signal(false);
  /** bumped whenever the outbox changed (its entries live in the browser's storage, not in a signal) */
  const outboxTick = signal(0);
  const outboxChanged = (): void => {
    outboxTick.value++;
    d.onOutbox();
  };

  const setLinks = (next: Record<string, Link>): void => {
    links.value = next;
    d.kv?.setItem(LINKS, JSON.stringify(next));
  };
  const link = (localId: string, s: SharedScenario): void => setLinks({ ...links.peek(), [localId]: { serverId: s.id, revision: s.revision } });

  /** Sends a change; when the server cannot be reached it is kept in the outbox. */
  async function sendOrKeep<T>(op: OutboxOp, send: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
    const r = await send();
    if (!r.ok && r.offline) {
      if (!d.outbox.add(op, d.now?.())) d.say('error', 'ws.msg.notKept', { detail: r.message });
      else {
        outboxChanged();
        d.say('offline', 'ws.msg.keptChange', { n: d.outbox.list().length });
      }
    }
    return r;
  }

  async function refreshVersions(): Promise<void> {
    const r = await d.client.dataVersions();
    if (d.report(r)) versions.value = r.value;
  }

  async function refreshScenarios(): Promise<void> {
    const r = await d.client.scenarios();
    if (d.report(r)) scenarios.value = r.value;
  }

  async function refreshLedger(): Promise<void> {
    const r = await d.client.ledger(d.app.year());
    if (r.ok) ledger.value = r.value;
    else if (!r.offline) d.report(r);
  }

  function scenarioSaved(localId: string, s: SharedScenario): void {
    link(localId, s);
    scenarios.value = [...scenarios.peek().filter((x) => x.id !== s.id), s].sort((a, b) => a.id - b.id);
  }

  /** a refused scenario save: a 409 becomes the conflict to resolve, anything else is said */
  function scenarioRefused(localId: string, mine: ScenarioWrite, r: Outcome<SharedScenario>): void {
    const theirs = currentScenario(r);
    if (theirs) {
      conflict.value = { localId, mine, theirs };
      d.say('error', 'ws.msg.scenarioConflict', { name: theirs.name, by: theirs.updatedBy, revision: theirs.revision });
    } else d.report(r);
  }

  return {
    versions,
    baseline,
    scenarios,
    links,
    conflict,
    users,
    ledger,
    refreshVersions,
    refreshScenarios,
    refreshLedger,
    read,
    /** Logged out: nothing the last user was shown stays, so the next login never shows it as theirs
     *  while its own lists are read. */
    forget(): void {
      versions.value = [];
      scenarios.value = [];
      users.value = [];
      ledger.value = null;
      conflict.value = null;
      read.value = false;
    },
    /** the kept changes (read in a component: it re-renders when they change) */
    outboxEntries() {
      void outboxTick.value;
      return d.outbox.list();
    },

    /** Everything a connected panel shows, read once after login. */
    async refreshAll(role: Role): Promise<void> {
      try {
        await refreshVersions();
        await refreshScenarios();
        await refreshLedger();
        if (role === 'admin') await this.refreshUsers();
      } finally {
        read.value = true;
      }
    },

    /** Opens a workspace data version (or the current one) as the app's baseline. */
    async loadVersion(v: number | 'current'): Promise<void> {
      const r = await d.client.dataVersion(v);
      if (!d.report(r)) return;
      await d.app.openBaseline(r.value.project, `workspace-v${r.value.version}.json`);
      setFrom(r.value.version);
      d.say('info', 'ws.msg.baselineLoaded', { version: r.value.version });
    },

    /** The open data as a new workspace version (admins). */
    async publish(note: string): Promise<void> {
      const project = await d.app.dataProject();
      if (!project) return d.say('error', 'ws.msg.noProject');
      const r = await d.client.publishData(note.trim(), project);
      if (!d.report(r)) return;
      setFrom(r.value.version);
      d.say('info', 'ws.msg.published', { version: r.value.version });
      await refreshVersions();
    },

    /** An earlier version made current again, as a new version (admins); history is kept. */
    async restore(v: number): Promise<void> {
      const r = await d.client.restoreData(v);
      if (!d.report(r)) return;
      d.say('info', 'ws.msg.restored', { from: r.value.restoredFrom, version: r.value.version });
      await refreshVersions();
    },

    /** Opens a shared scenario as a local scenario linked to it. */
    async openShared(id: number): Promise<void> {
      const r = await d.client.scenario(id);
      if (!d.report(r)) return;
      const made = await d.app.importScenario(r.value.body);
      if (!made.ok) return d.say('error', 'ws.msg.scenarioNotOpened', { detail: made.message });
      link(made.id, r.value);
      d.say('info', 'ws.msg.scenarioOpened', { name: r.value.name, revision: r.value.revision, author: r.value.author });
    },

    /** Saves the open scenario to the workspace: a new shared scenario, or a new revision of the one
     *  it is linked to — only from the revision it was opened or last saved at. */
    async saveOpen(): Promise<void> {
      const open = d.app.openScenario();
      if (!open) return d.say('error', 'ws.msg.noScenario');
      const l = links.peek()[open.id];
      // a linked scenario keeps its shared name (opened here it may carry a local " (2)" suffix)
      const name = (l && scenarios.peek().find((x) => x.id === l.serverId)?.name) || open.name;
      const mine: ScenarioWrite = { name, body: open.file, baseVersion: baseline.peek() };
      const op: OutboxOp = { op: 'scenario', localId: open.id, serverId: l?.serverId ?? null, revision: l?.revision ?? null, write: mine };
      const r = await sendOrKeep(op, () => (l ? d.client.updateScenario(l.serverId, l.revision, mine) : d.client.createScenario(mine)));
      if (r.ok) {
        scenarioSaved(open.id, r.value);
        conflict.value = null;
        d.say('info', 'ws.msg.scenarioSaved', { name: r.value.name, revision: r.value.revision });
      } else if (!r.offline) scenarioRefused(open.id, mine, r);
    },

    /** The user's answer to a conflict. */
    async resolve(choice: 'mine' | 'theirs' | 'copy'): Promise<void> {
      const c = conflict.peek();
      if (!c) return;
      if (choice === 'theirs') {
        const made = await d.app.importScenario(c.theirs.body);
        if (!made.ok) return d.say('error', 'ws.msg.scenarioNotOpened', { detail: made.message });
        // mine stays a local scenario, no longer linked: it is not lost, and it cannot overwrite theirs
        const { [c.localId]: _, ...rest } = links.peek();
        setLinks({ ...rest, [made.id]: { serverId: c.theirs.id, revision: c.theirs.revision } });
        conflict.value = null;
        return d.say('info', 'ws.msg.tookTheirs', { name: c.theirs.name, revision: c.theirs.revision });
      }
      const write = choice === 'copy' ? { ...c.mine, name: `${c.mine.name}（${c.theirs.updatedBy}）副本`.slice(0, 200) } : c.mine;
      const op: OutboxOp = { op: 'scenario', localId: c.localId, serverId: choice === 'copy' ? null : c.theirs.id, revision: choice === 'copy' ? null : c.theirs.revision, write };
      const r = await sendOrKeep(op, () => (choice === 'copy' ? d.client.createScenario(write) : d.client.updateScenario(c.theirs.id, c.theirs.revision, write)));
      if (r.ok) {
        scenarioSaved(c.localId, r.value);
        conflict.value = null;
        d.say('info', 'ws.msg.scenarioSaved', { name: r.value.name, revision: r.value.revision });
      } else if (!r.offline) scenarioRefused(c.localId, c.mine, r);
      else conflict.value = null;
    },

    // ── review changes that may have to wait for the connection ──
    // Kept offline, each is made from the revision the page shows; the caller then shows the review
    // one revision on (kept(...)), so a later kept change on it follows this one, as on the server.
    edit: (rv: Review, fields: { applicant: string; project: string }): Promise<Outcome<Review>> => {
      const review = { ...reviewWrite(rv), applicant: fields.applicant.trim(), project: fields.project.trim() };
      return sendOrKeep({ op: 'edit', id: rv.id, number: rv.number, revision: rv.revision, review }, () => d.client.updateReview(rv, review));
    },
    submit: (rv: Review): Promise<Outcome<Review>> => sendOrKeep({ op: 'submit', id: rv.id, number: rv.number, revision: rv.revision }, () => d.client.submit(rv)),
    decide: (rv: Review, decision: Decision, note: string): Promise<Outcome<Review>> =>
      sendOrKeep({ op: 'decide', id: rv.id, number: rv.number, revision: rv.revision, decision, note }, () => d.client.decide(rv, decision, note)),
    /** how many kept changes wait for this review */
    pendingFor(id: number): number {
      void outboxTick.value;
      return d.outbox.list().filter((e) => 'id' in e.op && e.op.id === id).length;
    },

    /** A ledger value entered while connected: stored by the workspace (or kept for upload). */
    async enterLedger(target: string, year: number, e: { value: number | null; done: boolean | null; note: string; department: string }): Promise<void> {
      const cur = ledger.peek()?.find((x) => x.target === target && x.year === year);
      const write: LedgerWrite = { ...e, revision: cur?.revision ?? 0 };
      const r = await sendOrKeep({ op: 'ledger', target, year, write }, () => d.client.putLedger(target, year, write));
      if (r.ok) {
        ledger.value = [...(ledger.peek() ?? []).filter((x) => !(x.target === target && x.year === year)), r.value];
        d.say('info', 'ws.msg.ledgerSaved', { department: r.value.department });
        return;
      }
      if (r.offline) {
        // shown at once as entered (pending); the outbox holds what will be sent
        const pending: ServerLedgerRow = { target, year, ...e, by: '', at: (d.now?.() ?? new Date()).toISOString(), revision: cur?.revision ?? 0 };
        ledger.value = [...(ledger.peek() ?? []).filter((x) => !(x.target === target && x.year === year)), pending];
        return;
      }
      const theirs = currentLedger(r);
      if (theirs) {
        ledger.value = [...(ledger.peek() ?? []).filter((x) => !(x.target === target && x.year === year)), theirs];
        d.say('error', 'ws.msg.ledgerConflict', { department: theirs.department, by: theirs.by, revision: theirs.revision });
      } else d.report(r);
    },

    /** Uploads the outbox: what went through updates the page; what the server refused stays kept,
     *  with its reason (a stale scenario becomes the conflict to resolve). */
    async uploadAll(): Promise<{ reviews: Review[] }> {
      const { uploaded, kept } = await d.outbox.upload(d.client);
      const reviews: Review[] = [];
      for (const u of uploaded) {
        const o = u.entry.op;
        if (o.op === 'scenario') scenarioSaved(o.localId, u.value as SharedScenario);
        else if (o.op !== 'ledger') reviews.push(u.value as Review);
      }
      for (const k of kept) {
        const o = k.entry.op;
        const theirs = currentScenario(k.outcome);
        if (o.op === 'scenario' && theirs && !conflict.peek()) {
          // the conflict is now in the panel: the outbox entry leaves, the user resolves it there
          conflict.value = { localId: o.localId, mine: o.write, theirs };
          d.outbox.remove(k.entry.key);
        }
      }
      outboxChanged();
      const still = d.outbox.list();
      const refused = still.find((e) => e.refused);
      if (refused) d.say('error', 'ws.msg.uploadKept', { uploaded: uploaded.length, kept: still.length, detail: refused.refused ?? '' });
      else if (still.length) d.say('offline', 'ws.msg.offline', { detail: kept[0]?.outcome.message ?? '' });
      else if (conflict.peek())
        d.say('error', 'ws.msg.scenarioConflict', {
          name: conflict.peek()?.theirs.name ?? '',
          by: conflict.peek()?.theirs.updatedBy ?? '',
          revision: conflict.peek()?.theirs.revision ?? 0,
        });
      else d.say('info', 'ws.msg.uploadedAll', { n: uploaded.length });
      if (uploaded.some((u) => u.entry.op.op === 'ledger')) await refreshLedger();
      return { reviews };
    },

    /** Drops a kept change the server refused, after the user saw why. */
    discard(key: string): void {
      d.outbox.remove(key);
      outboxChanged();
    },

    // ── accounts (admins) ──
    async refreshUsers(): Promise<void> {
      const r = await d.client.users();
      if (d.report(r)) users.value = r.value;
    },
    async createUser(name: string, role: Role, password: string): Promise<boolean> {
      const r = await d.client.createUser(name.trim(), role, password);
      if (!d.report(r)) return false;
      users.value = [...users.peek(), r.value];
      d.say('info', 'ws.msg.userCreated', { name: r.value.name });
      return true;
    },
    async patchUser(id: number, patch: { role?: Role; disabled?: boolean; password?: string }): Promise<boolean> {
      const r = await d.client.patchUser(id, patch);
      if (!d.report(r)) return false;
      users.value = users.peek().map((u) => (u.id === id ? r.value : u));
      d.say('info', patch.password ? 'ws.msg.passwordReset' : 'ws.msg.userChanged', { name: r.value.name });
      return true;
    },
  };
}

export type WorkspaceShared = ReturnType<typeof createWorkspaceShared>;
