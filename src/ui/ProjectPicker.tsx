// Open a project file (the versioned JSON the CLI and the importers write) instead of the demo.
// The worker parses and validates it; a broken file leaves the open project as it was.
import { useApp, useT } from './context';
import { FileInput } from './FileInput';

export function ProjectPicker() {
  const { state, actions } = useApp();
  const tr = useT();
  return (
    <section class="panel" aria-labelledby="project-h">
      <h2 id="project-h">{tr('ui.project')}</h2>
      <p class="note" data-testid="project-file">
        {state.project.value?.area.name ?? '—'} · {state.projectFile.value ?? ''}
      </p>
      <label class="file">
        {tr('ui.project.open')}
        <FileInput
          data-testid="project-input"
          accept=".json,application/json"
          onChange={async (e) => {
            const input = e.currentTarget;
            const f = input.files?.[0];
            if (f) await actions.openProjectFile(f, f.name);
            input.value = ''; // the same file can be picked again after fixing it
          }}
        />
      </label>
    </section>
  );
}
