// The bar above the map: which scenario is open (or the read-only baseline), create / duplicate /
// rename / delete, undo / redo (also Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y), the drawing tools, and the
// form of a facility or area just placed. Every change goes through the scenario actions.
import { useEffect, useState } from 'preact/hooks';
import { BASELINE_ID, canRedo, canUndo } from '../../core/scenario';
import { tm } from '../../i18n';
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

export function ScenarioBar() {
  const { state, actions, tools, map } = useApp();
  const tr = useT();
  const [form, setForm] = useState<NameForm>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const session = state.session.value;
  const drawing = map.drawing.value?.active.value ?? null;

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

  if (!session) return null;
  const onBaseline = session.active === BASELINE_ID;
  const open = session.scenarios.find((x) => x.id === session.active);
  const h = session.editing.history;
  const lastDone = h.past[h.past.length - 1]?.edit.note;
  const nextRedo = h.future[0]?.note;
  const lang = state.lang.value;

  const nextName = () => {
    const names = new Set(session.scenarios.map((x) => x.name));
    for (let n = session.scenarios.length + 1; ; n++) {
      const name = tr('scenario.ui.defaultName', { n });
      if (!names.has(name)) return name;
    }
  };

  const submit = () => {
    if (!form) return;
    const r =
      form.mode === 'new'
        ? actions.newScenario(form.value)
        : form.mode === 'duplicate'
          ? actions.duplicateScenario(session.active, form.value)
          : actions.renameScenario(session.active, form.value);
    if (tools.say(r)) setForm(null);
  };

  const n = tools.notice.value;
  return (
    <div class="scenario-bar-wrap">
      <div class="scenario-bar" data-testid="scenario-bar" data-active={session.active} data-edits={h.past.length}>
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
          <form
            class="sc-name"
            onSubmit={(e) => {
              e.preventDefault();
              submit();
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
        ) : confirmDelete && open ? (
          <span class="sc-confirm" role="alertdialog">
            {tr('scenario.ui.confirmDelete', { name: open.name, count: h.past.length })}
            <button
              type="button"
              class="danger"
              data-testid="scenario-delete-ok"
              onClick={() => {
                tools.stopDrawing();
                tools.say(actions.deleteScenario(open.id));
                setConfirmDelete(false);
              }}
            >
              {tr('scenario.ui.delete')}
            </button>
            <button type="button" onClick={() => setConfirmDelete(false)}>
              {tr('scenario.ui.cancel')}
            </button>
          </span>
        ) : (
          <span class="sc-buttons">
            <button type="button" class={onBaseline ? 'primary' : ''} data-testid="scenario-new" onClick={() => setForm({ mode: 'new', value: nextName() })}>
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
        <span class="sc-sep" />
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
        <span class="sc-sep" />
        {onBaseline ? (
          <span class="sc-readonly" data-testid="baseline-readonly">
            {tr('scenario.ui.readOnly')}
          </span>
        ) : (
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
        )}
        <span class="spacer" />
        <AutosaveNote />
      </div>
      {drawing && (
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
      )}
      {n && (
        <div class={`sc-notice ${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'} data-testid="scenario-notice">
          {typeof n.text === 'string' ? n.text : Array.isArray(n.text) ? n.text.map((m) => tm(lang, m)).join('\n') : tm(lang, n.text)}
          <button type="button" class="close" aria-label={tr('ui.close')} onClick={() => (tools.notice.value = null)}>
            ×
          </button>
        </div>
      )}
      {tools.pending.value && !onBaseline && <EditForm />}
    </div>
  );
}
