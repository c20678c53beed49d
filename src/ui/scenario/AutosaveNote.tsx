// "Restored from autosave (time) · start over from the demo", and the last autosave or why it failed.
import { useState } from 'preact/hooks';
import { useApp, useT } from '../context';

function clock(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toTimeString().slice(0, 8);
}

export function AutosaveNote() {
  const { persistence } = useApp();
  const tr = useT();
  const [confirm, setConfirm] = useState(false);
  const st = persistence.status.value;
  return (
    <span class="sc-autosave" data-testid="autosave" data-saved-at={st.savedAt ?? ''} data-restored={st.restoredAt ? 'true' : 'false'}>
      {st.error && (
        <span class="sc-save-error" role="alert">
          {tr('scenario.ui.saveFailed', { detail: st.error })}
        </span>
      )}
      {st.restoreFailed && <span class="sc-save-error">{tr('scenario.ui.restoreFailed')}</span>}
      {st.restoredAt && !confirm && (
        <span data-testid="restored">
          {tr('scenario.ui.restored', { time: clock(st.restoredAt) })} ·{' '}
          <button type="button" class="link" data-testid="start-over" onClick={() => setConfirm(true)}>
            {tr('scenario.ui.startOver')}
          </button>
        </span>
      )}
      {confirm && (
        <span role="alertdialog">
          {tr('scenario.ui.startOverConfirm')}{' '}
          <button
            type="button"
            class="danger"
            data-testid="start-over-ok"
            onClick={() => {
              setConfirm(false);
              void persistence.startOver();
            }}
          >
            {tr('scenario.ui.ok')}
          </button>{' '}
          <button type="button" onClick={() => setConfirm(false)}>
            {tr('scenario.ui.cancel')}
          </button>
        </span>
      )}
      {!st.restoredAt && !confirm && st.savedAt && <span class="muted">{tr('scenario.ui.saved', { time: clock(st.savedAt) })}</span>}
    </span>
  );
}
