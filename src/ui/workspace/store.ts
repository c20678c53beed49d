// The app's workspace panel state (state/workspace-panel.ts), made on its first use — the panel, the
// ledger or "save as review" — so its client and the API schemas load with those chunks, not the page.
import type { App } from '../../app';
import { createWorkspace, type Workspace } from '../../state/workspace-panel';
import { useApp } from '../context';

/** The workspace of this app: one per app, made once, kept in `app.workspace.made`. */
export function workspaceOf(app: App): Workspace {
  app.workspace.made ??= createWorkspace(app.workspace.ws, {
    state: app.state,
    actions: app.actions,
    persistence: app.persistence,
    storage: app.ports.storage,
    origin: app.ports.workspace?.origin ?? 'http://localhost/',
    fetch: app.ports.workspace?.fetch,
    now: app.clock,
  });
  return app.workspace.made;
}

export function useWorkspace(): Workspace {
  return workspaceOf(useApp());
}
