// The workspace panel's shared parts (docs/server.md, "In the app"): baseline data versions (load,
// publish, restore), shared scenarios with the conflict a stale save raises, the kept changes
// waiting for upload, and the accounts (admins). Texts render as text.
import '../../i18n/workspace'; // its strings: loaded with this code, not with the page
import '../../i18n/workspace-shared'; // its strings: loaded with this code, not with the page
import { useEffect, useState } from 'preact/hooks';
import { ROLES, type Role, type Session, type User } from '../../state/workspace';
import type { WorkspaceShared } from '../../state/workspace-shared';
import { useApp, useT } from '../context';
import { useWorkspace } from './store';

const when = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

export function DataVersions({ sh, session }: { sh: WorkspaceShared; session: Session }) {
  const tr = useT();
  const { ws, withBusy } = useWorkspace();
  const [note, setNote] = useState('');
  const admin = session.user.role === 'admin';
  const list = sh.versions.value;
  return (
    <section aria-labelledby="ws-data-h" data-testid="ws-data" data-read={sh.read.value ? 'yes' : 'no'}>
      <h3 id="ws-data-h">{tr('ws.data.title')}</h3>
      <p class="note" data-testid="ws-baseline" data-version={sh.baseline.value ?? ''}>
        {sh.baseline.value === null ? tr('ws.data.localBaseline') : tr('ws.data.baselineIs', { version: sh.baseline.value })}
      </p>
      <div class="ws-row">
        <button type="button" data-testid="ws-data-load" disabled={ws.busy.value || list.length === 0} onClick={() => void withBusy(() => sh.loadVersion('current'))}>
          {tr('ws.data.loadCurrent')}
        </button>
      </div>
      {list.length === 0 ? (
        <p class="note">{tr('ws.data.none')}</p>
      ) : (
        <table class="ws-table" data-testid="ws-versions">
          <thead>
            <tr>
              <th>{tr('ws.data.version')}</th>
              <th>{tr('ws.data.who')}</th>
              <th>{tr('ws.data.when')}</th>
              <th>{tr('ws.data.note')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((v, i) => (
              <tr key={v.version} data-version={v.version}>
                <td>
                  v{v.version}
                  {i === 0 ? ` · ${tr('ws.data.current')}` : ''}
                </td>
                <td>{v.author}</td>
                <td>{when(v.createdAt)}</td>
                <td>{v.restoredFrom === null ? v.note : tr('ws.data.restoredNote', { from: v.restoredFrom, note: v.note })}</td>
                <td>
                  {admin && i > 0 && (
                    <button type="button" data-testid="ws-data-restore" disabled={ws.busy.value} onClick={() => void withBusy(() => sh.restore(v.version))}>
                      {tr('ws.data.restore')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {admin && (
        <div class="ws-row">
          <input data-testid="ws-data-note" placeholder={tr('ws.data.notePlaceholder')} value={note} maxLength={4000} onInput={(e) => setNote(e.currentTarget.value)} />
          <button
            type="button"
            class="primary"
            data-testid="ws-data-publish"
            disabled={ws.busy.value || !note.trim()}
            onClick={() => void withBusy(() => sh.publish(note)).then(() => setNote(''))}
          >
            {tr('ws.data.publish')}
          </button>
        </div>
      )}
    </section>
  );
}

export function SharedScenarios({ sh, session }: { sh: WorkspaceShared; session: Session }) {
  const tr = useT();
  const { ws, withBusy } = useWorkspace();
  const { state } = useApp();
  const planner = session.user.role === 'planner';
  const sessionNow = state.session.value;
  const openLink = sessionNow ? sh.links.value[sessionNow.active] : undefined;
  return (
    <section aria-labelledby="ws-sc-h" data-testid="ws-scenarios">
      <h3 id="ws-sc-h">{tr('ws.sc.title')}</h3>
      {planner && (
        <div class="ws-row">
          <button type="button" class="primary" data-testid="ws-sc-save" disabled={ws.busy.value} onClick={() => void withBusy(() => sh.saveOpen())}>
            {openLink ? tr('ws.sc.saveRevision', { revision: openLink.revision + 1 }) : tr('ws.sc.save')}
          </button>
        </div>
      )}
      <Conflict sh={sh} />
      <table class="ws-table" data-testid="ws-sc-list">
        <thead>
          <tr>
            <th>{tr('ws.sc.name')}</th>
            <th>{tr('ws.sc.author')}</th>
            <th>{tr('ws.sc.revision')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {sh.scenarios.value.map((s) => (
            <tr key={s.id} data-id={s.id} data-name={s.name} data-revision={s.revision}>
              <td>{s.name}</td>
              <td>{s.author}</td>
              <td>{tr('ws.sc.revisionBy', { revision: s.revision, by: s.updatedBy, when: when(s.updatedAt) })}</td>
              <td>
                <button type="button" data-testid="ws-sc-open" disabled={ws.busy.value} onClick={() => void withBusy(() => sh.openShared(s.id))}>
                  {tr('ws.sc.open')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Both sides of a stale save, and the three ways out; nothing happens until the user picks one. */
function Conflict({ sh }: { sh: WorkspaceShared }) {
  const tr = useT();
  const { ws, withBusy } = useWorkspace();
  const c = sh.conflict.value;
  if (!c) return null;
  const edits = (file: Record<string, unknown>): number => {
    const sc = file.scenario as { edits?: unknown[] } | undefined;
    return Array.isArray(sc?.edits) ? sc.edits.length : 0;
  };
  return (
    <div class="ws-conflict" role="alert" data-testid="ws-conflict" data-theirs-revision={c.theirs.revision}>
      <p>{tr('ws.sc.conflict', { name: c.theirs.name })}</p>
      <dl>
        <dt>{tr('ws.sc.theirs')}</dt>
        <dd data-testid="ws-conflict-theirs">
          {tr('ws.sc.side', { name: c.theirs.name, revision: c.theirs.revision, by: c.theirs.updatedBy, when: when(c.theirs.updatedAt), edits: edits(c.theirs.body) })}
        </dd>
        <dt>{tr('ws.sc.mine')}</dt>
        <dd data-testid="ws-conflict-mine">{tr('ws.sc.mineSide', { name: c.mine.name, edits: edits(c.mine.body) })}</dd>
      </dl>
      <div class="ws-row">
        <button type="button" data-testid="ws-resolve-mine" disabled={ws.busy.value} onClick={() => void withBusy(() => sh.resolve('mine'))}>
          {tr('ws.sc.keepMine', { revision: c.theirs.revision + 1 })}
        </button>
        <button type="button" data-testid="ws-resolve-theirs" disabled={ws.busy.value} onClick={() => void withBusy(() => sh.resolve('theirs'))}>
          {tr('ws.sc.takeTheirs')}
        </button>
        <button type="button" data-testid="ws-resolve-copy" disabled={ws.busy.value} onClick={() => void withBusy(() => sh.resolve('copy'))}>
          {tr('ws.sc.saveCopy')}
        </button>
      </div>
    </div>
  );
}

/** The changes kept in this browser, each with what it is and (after a refused upload) why. */
export function OutboxList({ sh, connected }: { sh: WorkspaceShared; connected: boolean }) {
  const tr = useT();
  const { ws, uploadOutbox } = useWorkspace();
  const n = ws.outbox.value;
  if (n === 0) return null;
  const entries = sh.outboxEntries();
  return (
    <div class="ws-outbox" data-testid="ws-outbox" data-count={n}>
      <span>{tr('ws.ui.outbox', { n })}</span>
      <button type="button" data-testid="ws-upload" disabled={!connected || ws.busy.value} onClick={() => void uploadOutbox()}>
        {tr('ws.ui.upload')}
      </button>
      <ul>
        {entries.map((e) => {
          const o = e.op;
          const what =
            o.op === 'review'
              ? tr('ws.out.review', { project: o.review.project })
              : o.op === 'edit'
                ? tr('ws.out.edit', { number: o.number, project: o.review.project })
                : o.op === 'submit'
                  ? tr('ws.out.submit', { number: o.number })
                  : o.op === 'decide'
                    ? tr('ws.out.decide', { number: o.number, decision: tr(`ws.decision.${o.decision}`) })
                    : o.op === 'scenario'
                      ? tr('ws.out.scenario', { name: o.write.name })
                      : tr('ws.out.ledger', { department: o.write.department, year: o.year });
          return (
            <li key={e.key} data-op={o.op} data-refused={e.refused ? 'yes' : 'no'}>
              {what}
              {e.refused && (
                <>
                  {' — '}
                  <span class="warn">{tr('ws.out.refused', { detail: e.refused })}</span>{' '}
                  <button type="button" data-testid="ws-out-discard" onClick={() => sh.discard(e.key)}>
                    {tr('ws.out.discard')}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function UserRow({ sh, u, self }: { sh: WorkspaceShared; u: User; self: boolean }) {
  const tr = useT();
  const { ws, withBusy } = useWorkspace();
  const [pw, setPw] = useState('');
  return (
    <tr data-name={u.name} data-role={u.role} data-disabled={u.disabled ? 'yes' : 'no'}>
      <td>{u.name}</td>
      <td>
        <select
          data-testid="ws-user-role"
          value={u.role}
          disabled={self || ws.busy.value}
          onChange={(e) => void withBusy(() => sh.patchUser(u.id, { role: e.currentTarget.value as Role }))}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tr(`ws.role.${r}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <button type="button" data-testid="ws-user-disable" disabled={self || ws.busy.value} onClick={() => void withBusy(() => sh.patchUser(u.id, { disabled: !u.disabled }))}>
          {u.disabled ? tr('ws.users.enable') : tr('ws.users.disable')}
        </button>
      </td>
      <td>
        <input
          type="password"
          data-testid="ws-user-newpw"
          autocomplete="new-password"
          placeholder={tr('ws.users.newPassword')}
          value={pw}
          onInput={(e) => setPw(e.currentTarget.value)}
        />
        <button
          type="button"
          data-testid="ws-user-reset"
          disabled={pw.length < 10 || ws.busy.value}
          onClick={() => void withBusy(() => sh.patchUser(u.id, { password: pw })).then((ok) => ok && setPw(''))}
        >
          {tr('ws.users.reset')}
        </button>
      </td>
    </tr>
  );
}

/** Accounts (admins): list, create with a role, change the role, disable, reset the password. */
export function Users({ sh, session }: { sh: WorkspaceShared; session: Session }) {
  const tr = useT();
  const { ws, withBusy } = useWorkspace();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('planner');
  const [pw, setPw] = useState('');
  useEffect(() => void sh.refreshUsers(), []);
  return (
    <section aria-labelledby="ws-users-h" data-testid="ws-users">
      <h3 id="ws-users-h">{tr('ws.users.title')}</h3>
      <table class="ws-table" data-testid="ws-user-list">
        <thead>
          <tr>
            <th>{tr('ws.ui.name')}</th>
            <th>{tr('ws.users.role')}</th>
            <th>{tr('ws.users.state')}</th>
            <th>{tr('ws.users.password')}</th>
          </tr>
        </thead>
        <tbody>
          {sh.users.value.map((u) => (
            <UserRow key={u.id} sh={sh} u={u} self={u.id === session.user.id} />
          ))}
        </tbody>
      </table>
      <form
        class="ws-row"
        data-testid="ws-user-new"
        onSubmit={(e) => {
          e.preventDefault();
          void withBusy(() => sh.createUser(name, role, pw)).then((ok) => {
            if (ok) {
              setName('');
              setPw('');
            }
          });
        }}
      >
        <input data-testid="ws-user-name" placeholder={tr('ws.ui.name')} value={name} maxLength={200} onInput={(e) => setName(e.currentTarget.value)} />
        <select data-testid="ws-user-newrole" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tr(`ws.role.${r}`)}
            </option>
          ))}
        </select>
        <input
          type="password"
          data-testid="ws-user-password"
          autocomplete="new-password"
          placeholder={tr('ws.users.passwordHint')}
          value={pw}
          onInput={(e) => setPw(e.currentTarget.value)}
        />
        <button type="submit" class="primary" data-testid="ws-user-create" disabled={ws.busy.value || !name.trim() || pw.length < 10}>
          {tr('ws.users.create')}
        </button>
      </form>
    </section>
  );
}
