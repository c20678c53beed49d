// The bar above the map: which scenario is open (or the read-only baseline), create / duplicate /
// rename / delete, undo / redo (also Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y), the drawing tools, and the
// form of a facility or area just placed. Every change goes through the scenario actions.
import { useEffect, useState } from 'preact/hooks';
import { BASELINE_ID, canRedo, canUndo } from '../../core/scenario';
import { tm } from '../../i18n';
import type { AppState } from '../../state/app-state';
import { useApp, useT } from '../context';
import { AutosaveNote } from './AutosaveNote';
import { EditForm } from './EditForm';
import './scenario.css';

type NameForm = { mode: 'new' | 'duplicate' | 'rename'; value: string } | null;

const NOT_TEXT = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'file', 'color']);

/** Is the key going into a text field? There Ctrl+Z is the field's own undo, not ours. */
export function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return true;
  return target instanceof HTMLInputElement && !NOT_TEXT.has(target.type);
}

/** Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (not while typing in a field); Escape stops drawing. */
function useUndoKeys(): void {
  const { actions, tools, map } = useApp();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && (map.drawing.peek()?.active.peek() || tools.pending.peek())) {
        tools.stopDrawing();
        return;
      }
      if (!(e.ctrlKey || e.metaKey) || e.altKey || typing(e.target)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        tools.say(actions.undo());
      } else if ((k === 'z' && e.shiftKey) || k === 'y') {
        e.preventDefault();
        tools.say(actions.redo());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

type Session = NonNullable<AppState['session']['value']>;

/** The scenario picker with create / duplicate / rename / delete (a name form or a confirmation in the buttons' place). */
function ScenarioPick({ session }: { session: Session }) {
  const { actions, tools } = useApp();
  const tr = useT();
  const [form, setForm] = useState<NameForm>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const open = session.scenarios.find((x) => x.id === session.active);

  const nextName = () => {
    const names = new Set(session.scenarios.map((x) => x.name));
    for (let n = session.scenarios.length + 1; ; n++) {
      const name = tr('scenario.ui.defaultName', { n });
      if (!names.has(name)) return name;
    }
  };
  const submit = (f: NonNullable<NameForm>) => {
    const r =
      f.mode === 'new'
        ? actions.newScenario(f.value)
        : f.mode === 'duplicate'
          ? actions.duplicateScenario(session.active, f.value)
          : actions.renameScenario(session.active, f.value);
    if (tools.say(r)) setForm(null);
  };

  return (
    <>
      <label class="sc-pick">
        <span>{tr('scenario.ui.scenario')}</span>
        <select
          data-testid="scenario-select"
          value={session.active}
          onChange={(e) => {
            tools.stopDrawing();
            setConfirmDelete(false);
            tools.say(actions.openScenario(e.currentTarget.value));
          }}
        >
          <option value={BASELINE_ID}>{tr('scenario.ui.baseline')}</option>
          {session.scenarios.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      </label>
      {form ? (
        <NameInput form={form} setForm={setForm} submit={submit} />
      ) : confirmDelete && open ? (
        <DeleteConfirm scenario={open} edits={session.editing.history.past.length} close={() => setConfirmDelete(false)} />
      ) : (
        <span class="sc-buttons">
          <button type="button" class={session.active === BASELINE_ID ? 'primary' : ''} data-testid="scenario-new" onClick={() => setForm({ mode: 'new', value: nextName() })}>
            {tr('scenario.ui.new')}
          </button>
          {open && (
            <>
              <button type="button" data-testid="scenario-duplicate" onClick={() => setForm({ mode: 'duplicate', value: tr('scenario.ui.copyName', { name: open.name }) })}>
                {tr('scenario.ui.duplicate')}
              </button>
              <button type="button" data-testid="scenario-rename" onClick={() => setForm({ mode: 'rename', value: open.name })}>
                {tr('scenario.ui.rename')}
              </button>
              <button type="button" data-testid="scenario-delete" onClick={() => setConfirmDelete(true)}>
                {tr('scenario.ui.delete')}
              </button>
            </>
          )}
        </span>
      )}
    </>
  );
}

function NameInput({ form, setForm, submit }: { form: NonNullable<NameForm>; setForm: (f: NameForm) => void; submit: (f: NonNullable<NameForm>) => void }) {
  const tr = useT();
  return (
    <form
      class="sc-name"
      onSubmit={(e) => {
        e.preventDefault();
        submit(form);
      }}
    >
      <input
        data-testid="scenario-name"
        aria-label={tr('scenario.ui.name')}
        value={form.value}
        maxLength={60}
        ref={(el) => el?.focus()}
        onInput={(e) => setForm({ ...form, value: e.currentTarget.value })}
        onKeyDown={(e) => e.key === 'Escape' && setForm(null)}
      />
      <button type="submit" data-testid="scenario-name-ok">
        {tr('scenario.ui.ok')}
      </button>
      <button type="button" onClick={() => setForm(null)}>
        {tr('scenario.ui.cancel')}
      </button>
    </form>
  );
}

function DeleteConfirm({ scenario, edits, close }: { scenario: { id: string; name: string }; edits: number; close: () => void }) {
  const { actions, tools } = useApp();
  const tr = useT();
  return (
    <span class="sc-confirm" role="alertdialog">
      {tr('scenario.ui.confirmDelete', { name: scenario.name, count: edits })}
      <button
        type="button"
        class="danger"
        data-testid="scenario-delete-ok"
        onClick={() => {
          tools.stopDrawing();
          tools.say(actions.deleteScenario(scenario.id));
          close();
        }}
      >
        {tr('scenario.ui.delete')}
      </button>
      <button type="button" onClick={close}>
        {tr('scenario.ui.cancel')}
      </button>
    </span>
  );
}

function UndoRedo({ session }: { session: Session }) {
  const { state, actions, tools } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  const h = session.editing.history;
  const lastDone = h.past[h.past.length - 1]?.edit.note;
  const nextRedo = h.future[0]?.note;
  return (
    <>
      <button
        type="button"
        data-testid="undo"
        disabled={!canUndo(h)}
        title={tr('scenario.ui.undoTitle', { what: lastDone ? tm(lang, lastDone) : tr('scenario.ui.nothing') })}
        onClick={() => tools.say(actions.undo())}
      >
        ↶ {tr('scenario.ui.undo')}
      </button>
      <button
        type="button"
        data-testid="redo"
        disabled={!canRedo(h)}
        title={tr('scenario.ui.redoTitle', { what: nextRedo ? tm(lang, nextRedo) : tr('scenario.ui.nothing') })}
        onClick={() => tools.say(actions.redo())}
      >
        ↷ {tr('scenario.ui.redo')}
      </button>
    </>
  );
}

/** Add a facility / draw an area; on the baseline, a note that it is read-only. */
function DrawTools({ onBaseline, drawing }: { onBaseline: boolean; drawing: string | null }) {
  const { tools } = useApp();
  const tr = useT();
  if (onBaseline)
    return (
      <span class="sc-readonly" data-testid="baseline-readonly">
        {tr('scenario.ui.readOnly')}
      </span>
    );
  return (
    <>
      <button
        type="button"
        data-testid="tool-facility"
        aria-pressed={drawing === 'point' || tools.pending.value?.kind === 'facility'}
        title={tr('scenario.ui.addFacilityTitle')}
        onClick={() => void tools.placeFacility()}
      >
        {tr('scenario.ui.addFacility')}
      </button>
      <button
        type="button"
        data-testid="tool-area"
        aria-pressed={drawing === 'polygon' || tools.pending.value?.kind === 'area'}
        title={tr('scenario.ui.drawAreaTitle')}
        onClick={() => void tools.drawArea()}
      >
        {tr('scenario.ui.drawArea')}
      </button>
    </>
  );
}

/** What the drawing tool in use expects next, with finish (reshaping) and stop. */
function DrawHint({ drawing }: { drawing: string }) {
  const { tools, map } = useApp();
  const tr = useT();
  return (
    <div class="sc-hint" data-testid="draw-hint" data-drawing={drawing} data-ready={String(!map.drawing.value?.loading.value)} role="status">
      {tr(`scenario.ui.hint.${drawing}`)}
      {drawing === 'reshape' && (
        <button type="button" data-testid="draw-finish" onClick={() => map.drawing.peek()?.finish()}>
          {tr('scenario.ui.finish')}
        </button>
      )}
      <button type="button" onClick={tools.stopDrawing}>
        {tr('scenario.ui.stop')}
      </button>
    </div>
  );
}

/** The last edit's answer (done, refused and why), until closed or replaced. */
function Notice() {
  const { state, tools } = useApp();
  const tr = useT();
  const n = tools.notice.value;
  if (!n) return null;
  const lang = state.lang.value;
  return (
    <div class={`sc-notice ${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'} data-testid="scenario-notice">
      {typeof n.text === 'string' ? n.text : Array.isArray(n.text) ? n.text.map((m) => tm(lang, m)).join('\n') : tm(lang, n.text)}
      <button type="button" class="close" aria-label={tr('ui.close')} onClick={() => (tools.notice.value = null)}>
        ×
      </button>
    </div>
  );
}

export function ScenarioBar() {
  const { state, tools, map } = useApp();
  useUndoKeys();
  const session = state.session.value;
  const drawing = map.drawing.value?.active.value ?? null;
  if (!session) return null;
  const onBaseline = session.active === BASELINE_ID;
  return (
    <div class="scenario-bar-wrap">
      <div class="scenario-bar" data-testid="scenario-bar" data-active={session.active} data-edits={session.editing.history.past.length}>
        <ScenarioPick session={session} />
        <span class="sc-sep" />
        <UndoRedo session={session} />
        <span class="sc-sep" />
        <DrawTools onBaseline={onBaseline} drawing={drawing} />
        <span class="spacer" />
        <AutosaveNote />
      </div>
      {drawing && <DrawHint drawing={drawing} />}
      <Notice />
      {tools.pending.value && !onBaseline && <EditForm />}
    </div>
  );
}
