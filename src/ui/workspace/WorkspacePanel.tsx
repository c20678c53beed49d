// "团队工作区 / Team workspace": connect to the workspace server this page came from (name +
// password) or stay local; the review register (list, open, submit, decide, export); reviews kept
// in this browser while the server was unreachable, offered for upload. Texts render as text.
import '../../i18n/site'; // its strings: loaded with this code, not with the page
import '../../i18n/workspace'; // its strings: loaded with this code, not with the page
import '../../i18n/workspace-shared'; // its strings: loaded with this code, not with the page
import { useEffect, useRef, useState } from 'preact/hooks';
import { DECISIONS, REVIEW_STATUSES, type Review, reviewFromSiteCheck } from '../../state/workspace';
import { useApp, useT } from '../context';
import { FileInput } from '../FileInput';
import { useWorkspace } from './store';
import { DataVersions, OutboxList, SharedScenarios, Users } from './SharedSections';
import './workspace.css';

function Message() {
  const tr = useT();
  const { ws } = useWorkspace();
  const m = ws.message.value;
  // a count of the messages shown, so a repeated text still reads as a new answer (tests wait on it)
  const seen = useRef<{ m: unknown; seq: number }>({ m: null, seq: 0 });
  if (seen.current.m !== m) seen.current = { m, seq: seen.current.seq + 1 };
  if (!m) return null;
  return (
    <p class={`ws-msg ws-${m.kind}`} role={m.kind === 'info' ? 'status' : 'alert'} data-testid="ws-message" data-kind={m.kind} data-seq={seen.current.seq}>
      {tr(m.key, m.args)}
    </p>
  );
}

function Login() {
  const tr = useT();
  const { ws, login } = useWorkspace();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  return (
    <form
      class="ws-login"
      onSubmit={(e) => {
        e.preventDefault();
        void login(name, password);
      }}
    >
      <p class="note">{tr('ws.ui.localNote')}</p>
      <label>
        <span>{tr('ws.ui.server')}</span>
        <output data-testid="ws-server">{location.origin}</output>
      </label>
      <label>
        <span>{tr('ws.ui.name')}</span>
        <input data-testid="ws-name" autocomplete="username" value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        <span>{tr('ws.ui.password')}</span>
        <input data-testid="ws-password" type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
      </label>
      <button type="submit" class="primary" data-testid="ws-login" disabled={ws.busy.value || !name || !password}>
        {tr('ws.ui.connect')}
      </button>
      <p class="note">{tr('ws.ui.sameOrigin')}</p>
    </form>
  );
}

function Register() {
  const tr = useT();
  const { ws, refresh, openReview } = useWorkspace();
  return (
    <section aria-labelledby="ws-reg-h">
      <h3 id="ws-reg-h">{tr('ws.sheet')}</h3>
      <div class="ws-row">
        <select
          data-testid="ws-filter"
          value={ws.filter.value}
          onChange={(e) => {
            ws.filter.value = e.currentTarget.value;
            void refresh();
          }}
        >
          <option value="">{tr('ws.ui.allStatuses')}</option>
          {REVIEW_STATUSES.map((s) => (
            <option key={s} value={s}>
              {tr(`ws.status.${s}`)}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void refresh()}>
          {tr('ws.ui.refresh')}
        </button>
        <a href={`/api/reviews.xlsx?lang=${tr('ws.ui.langCode')}`} download data-testid="ws-export">
          {tr('ws.ui.export')}
        </a>
      </div>
      <table class="ws-table" data-testid="ws-reviews">
        <thead>
          <tr>
            <th>{tr('ws.col.number')}</th>
            <th>{tr('ws.col.project')}</th>
            <th>{tr('ws.col.status')}</th>
            <th>{tr('ws.col.decision')}</th>
          </tr>
        </thead>
        <tbody>
          {ws.reviews.value.map((r) => (
            <tr key={r.id} data-number={r.number} data-status={r.status} class={ws.opened.value?.id === r.id ? 'selected' : ''}>
              <td>
                <button type="button" class="link" onClick={() => void openReview(r.id)}>
                  {r.number}
                </button>
              </td>
              <td>{r.project}</td>
              <td>{tr(`ws.status.${r.status}`)}</td>
              <td>{r.decision ? tr(`ws.decision.${r.decision}`) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Opened({ r }: { r: Review }) {
  const tr = useT();
  const lang = useApp().state.lang.value;
  const { ws, shared: sh, uploadReport, editOpened, submitOpened, decideOpened } = useWorkspace();
  const role = ws.session.value?.user.role;
  const [decision, setDecision] = useState<(typeof DECISIONS)[number]>('approved');
  const [note, setNote] = useState('');
  const [applicant, setApplicant] = useState(r.applicant);
  const [project, setProject] = useState(r.project);
  useEffect(() => {
    setApplicant(r.applicant);
    setProject(r.project);
  }, [r.id, r.revision]);
  const pending = sh.pendingFor(r.id);
  return (
    <section class="ws-opened" data-testid="ws-opened" data-status={r.status} data-number={r.number} data-pending={pending} aria-labelledby="ws-opened-h">
      <h3 id="ws-opened-h">{r.number}</h3>
      {pending > 0 && (
        <p class="ws-msg ws-offline" data-testid="ws-opened-pending">
          {tr('ws.ui.pending', { n: pending })}
        </p>
      )}
      <dl>
        <dt>{tr('ws.col.applicant')}</dt>
        <dd>{r.applicant}</dd>
        <dt>{tr('ws.col.project')}</dt>
        <dd>{r.project}</dd>
        <dt>{tr('ws.col.status')}</dt>
        <dd data-testid="ws-opened-status">{tr(`ws.status.${r.status}`)}</dd>
        <dt>{tr('ws.col.fails')}</dt>
        <dd>{r.fails}</dd>
        <dt>{tr('ws.col.author')}</dt>
        <dd>{r.author}</dd>
        {r.decision && (
          <>
            <dt>{tr('ws.col.decision')}</dt>
            <dd data-testid="ws-opened-decision">
              {tr(`ws.decision.${r.decision}`)} · {r.reviewer}
            </dd>
            <dt>{tr('ws.col.decisionNote')}</dt>
            <dd>{r.decisionNote}</dd>
          </>
        )}
      </dl>
      <ul class="ws-verdicts">
        {r.verdicts.map((v) => (
          <li key={v.rule} class={`v-${v.verdict}`} data-rule={v.rule}>
            {v.name ? v.name[lang] : v.rule}: {tr(`ws.verdict.${v.verdict}`)}
          </li>
        ))}
      </ul>
      <details class="ws-how">
        <summary>{tr('ws.ui.how')}</summary>
        <p>{tr('ws.ui.howText', { profile: r.profile, version: r.dataVersion ?? '—' })}</p>
        <ul>
          {r.verdicts.map((v) => (
            <li key={v.rule}>
              <code>{v.rule}</code> {v.value ?? '—'} / {v.threshold ?? '—'} {v.clause ?? ''}
            </li>
          ))}
        </ul>
      </details>
      <p class="ws-report">
        {r.reportBytes ? (
          <a href={`/api/reviews/${r.id}/report`} download data-testid="ws-report-link">
            {tr('ws.ui.reportDownload', { kb: Math.ceil(r.reportBytes / 1024) })}
          </a>
        ) : (
          tr('ws.ui.noReport')
        )}
      </p>
      {role === 'planner' && r.status !== 'decided' && (
        <label class="ws-report-upload">
          <span>{tr('ws.ui.reportUpload')}</span>
          <FileInput
            accept="application/pdf,.pdf"
            data-testid="ws-report-file"
            onChange={(e) => {
              const input = e.currentTarget;
              const f = input.files?.[0];
              input.value = ''; // the same file can be picked again (a failed upload retried)
              if (f) void f.arrayBuffer().then(uploadReport);
            }}
          />
        </label>
      )}
      {role === 'planner' && r.status === 'draft' && (
        <form
          class="ws-edit"
          data-testid="ws-edit"
          onSubmit={(e) => {
            e.preventDefault();
            void editOpened({ applicant, project });
          }}
        >
          <label>
            <span>{tr('ws.col.applicant')}</span>
            <input data-testid="ws-edit-applicant" value={applicant} maxLength={200} onInput={(e) => setApplicant(e.currentTarget.value)} />
          </label>
          <label>
            <span>{tr('ws.col.project')}</span>
            <input data-testid="ws-edit-project" value={project} maxLength={200} onInput={(e) => setProject(e.currentTarget.value)} />
          </label>
          <button type="submit" data-testid="ws-edit-save" disabled={ws.busy.value || !applicant.trim() || !project.trim() || (applicant === r.applicant && project === r.project)}>
            {tr('ws.ui.saveEdit')}
          </button>
        </form>
      )}
      {role === 'planner' && r.status === 'draft' && (
        <button type="button" class="primary" data-testid="ws-submit" disabled={ws.busy.value} onClick={() => void submitOpened()}>
          {tr('ws.ui.submit')}
        </button>
      )}
      {role === 'reviewer' && r.status === 'submitted' && (
        <div class="ws-decide">
          <select data-testid="ws-decision" value={decision} onChange={(e) => setDecision(e.currentTarget.value as (typeof DECISIONS)[number])}>
            {DECISIONS.map((d) => (
              <option key={d} value={d}>
                {tr(`ws.decision.${d}`)}
              </option>
            ))}
          </select>
          <textarea data-testid="ws-note" placeholder={tr('ws.col.decisionNote')} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          <button type="button" class="primary" data-testid="ws-decide" disabled={ws.busy.value} onClick={() => void decideOpened(decision, note)}>
            {tr('ws.ui.decide')}
          </button>
        </div>
      )}
    </section>
  );
}

export function WorkspacePanel() {
  const tr = useT();
  const { ws, shared: sh, probe, logout } = useWorkspace();
  // is there a workspace here, and is this browser still logged in to it?
  useEffect(() => {
    if (!ws.session.value) void probe();
  }, []);
  const s = ws.session.value;
  // what the connected user shares is read at each login; logged out, it is forgotten (the ledger is local again)
  useEffect(() => {
    if (s) void sh.refreshAll(s.user.role);
    else sh.forget();
  }, [s?.user.id, s?.user.role]);
  if (!ws.open.value) return null;
  return (
    <aside class="side-panel ws-panel" aria-labelledby="ws-h" data-testid="ws-panel" data-connected={s ? 'yes' : 'no'}>
      <div class="detail-head">
        <h2 id="ws-h">{tr('ws.ui.title')}</h2>
        <button type="button" class="close" aria-label={tr('site.ui.close')} onClick={() => (ws.open.value = false)}>
          ×
        </button>
      </div>
      <Message />
      <OutboxList sh={sh} connected={!!s} />
      {s ? (
        <>
          <p class="ws-who" data-testid="ws-who" data-role={s.user.role}>
            {tr('ws.ui.connected', { name: s.user.name, role: tr(`ws.role.${s.user.role}`) })}{' '}
            <button type="button" data-testid="ws-logout" onClick={() => void logout()}>
              {tr('ws.ui.logout')}
            </button>
          </p>
          <Register />
          {ws.opened.value && <Opened r={ws.opened.value} />}
          <DataVersions sh={sh} session={s} />
          <SharedScenarios sh={sh} session={s} />
          {s.user.role === 'admin' && <Users sh={sh} session={s} />}
        </>
      ) : (
        <Login />
      )}
    </aside>
  );
}

/** In the site-check panel: save the checked site as a numbered review (planners, when connected). */
export function SaveAsReview() {
  const { site } = useApp();
  const tr = useT();
  const [applicant, setApplicant] = useState('');
  const [project, setProject] = useState('');
  const { ws, shared: sh, saveReview } = useWorkspace();
  const check = site.result.value;
  const g = site.geometry.value;
  if (!check || !g || ws.session.value?.user.role !== 'planner') return null;
  const name = project || check.site.name;
  return (
    <fieldset class="ws-save" data-testid="ws-save">
      <legend>{tr('ws.ui.saveTitle')}</legend>
      <label>
        <span>{tr('ws.col.applicant')}</span>
        <input data-testid="ws-applicant" value={applicant} onInput={(e) => setApplicant(e.currentTarget.value)} />
      </label>
      <label>
        <span>{tr('ws.col.project')}</span>
        <input data-testid="ws-project" value={name} onInput={(e) => setProject(e.currentTarget.value)} />
      </label>
      <button
        type="button"
        class="primary"
        data-testid="ws-save-run"
        disabled={ws.busy.value || !applicant.trim() || !name.trim()}
        onClick={() => {
          ws.open.value = true;
          void saveReview(reviewFromSiteCheck(check, g, applicant, name, sh.baseline.value));
        }}
      >
        {tr('ws.ui.save')}
      </button>
    </fieldset>
  );
}
