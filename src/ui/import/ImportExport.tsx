// The sidebar's "导入与导出" panel: the file picker ("导入数据…"), the drop target over the whole
// page (a file dropped on the map opens the wizard), the export menu, and the wizard itself.
import { useEffect, useState } from 'preact/hooks';
import { useApp, useT } from '../context';
import { ExportMenu } from '../export/ExportMenu';
import { useImport } from './context';
import { RestoreButton } from './RestoreButton';
import { lazyPanel } from '../lazy';

// the wizard's code loads when a file is dropped or picked (lazy.tsx)
const ImportWizard = lazyPanel(
  () => import('./ImportWizard').then((m) => m.ImportWizard),
  () => useImport().state.step.value !== 'idle',
  'import-wizard',
);
import './import.css';

const ACCEPT = '.geojson,.json,.zip,.shp,.kml,.kmz,.csv,.txt,.tsv,.xlsx,.xls,.ods,.dxf,.osm,.pbf';

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

export function ImportExport() {
  const { state } = useApp();
  const { actions, state: imp } = useImport();
  const tr = useT();
  const [dragging, setDragging] = useState(false);
  const ready = state.project.value !== null;

  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault(); // without this the browser opens the file instead of dropping it here
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const f = e.dataTransfer?.files[0];
      if (f && state.project.peek()) void actions.open(f);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <section class="panel" aria-labelledby="importexport-h">
      <h2 id="importexport-h">{tr('importui.panel')}</h2>
      <label class={`file import-open${ready ? '' : ' disabled'}`}>
        {tr('importui.open')}
        <input
          type="file"
          data-testid="import-input"
          accept={ACCEPT}
          disabled={!ready}
          onChange={(e) => {
            const input = e.currentTarget;
            const f = input.files?.[0];
            if (f) void actions.open(f);
            input.value = ''; // the same file can be picked again after fixing it
          }}
        />
      </label>
      <p class="note">{ready ? tr('importui.dropHint') : tr('importui.err.noProject')}</p>
      {imp.versions.value.length > 0 && (
        <div class="import-versions" data-testid="import-versions">
          <h3>{tr('importui.versions')}</h3>
          <ol>
            {imp.versions.value.map((v, i) => (
              <li key={i}>
                {tr('importui.version', {
                  time: new Date(v.applied.record.at).toLocaleTimeString(state.lang.value === 'zh' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit' }),
                  file: v.applied.record.source,
                  kind: tr(`io.kind.${v.applied.kind}`),
                  added: v.applied.plan.added,
                  updated: v.applied.plan.updated,
                  removed: v.applied.plan.removed.length,
                })}
              </li>
            ))}
          </ol>
        </div>
      )}
      {imp.step.value === 'idle' && <RestoreButton />}
      <ExportMenu />
      {dragging && (
        <div class="import-drop" data-testid="import-drop" aria-hidden="true">
          <p>{tr('importui.dropHere')}</p>
        </div>
      )}
      <ImportWizard />
    </section>
  );
}
