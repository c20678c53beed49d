// "Restore the data before the import" (kept apart from the wizard, whose code loads when a file is dropped).
import { useState } from 'preact/hooks';
import { useT, useApp } from '../context';
import { useImport } from './context';

/** "restore the data before the import": offered while the project is what the newest import left */
export function RestoreButton() {
  const { state: app } = useApp();
  const ui = useImport();
  const tr = useT();
  const [msg, setMsg] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const versions = ui.state.versions.value;
  const top = versions[versions.length - 1];
  const can = !!top && app.project.value === top.after;
  if (!can)
    return msg ? (
      <p class="note" data-testid="import-restored">
        {msg}
      </p>
    ) : null;
  return (
    <p>
      <button
        type="button"
        data-testid="import-restore"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const file = top.applied.record.source;
          const ok = await ui.restore().catch(() => false);
          setBusy(false);
          setMsg(ok ? tr('importui.restored', { file }) : tr('importui.restoreFailed'));
        }}
      >
        {tr('importui.restore')}
      </button>
    </p>
  );
}
