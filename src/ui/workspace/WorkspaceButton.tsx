// The header's switch for the workspace panel (kept apart: the panel's code, its client and the API
// schemas load when it is first opened; the panel asks the server whether this browser is logged in).
import { useApp, useT } from '../context';

export function WorkspaceButton() {
  const tr = useT();
  const { ws } = useApp().workspace;
  const open = ws.open.value;
  return (
    <button type="button" data-testid="ws-open" aria-pressed={open} onClick={() => (ws.open.value = !open)}>
      {ws.session.value ? tr('ui.open.workspaceConnected', { name: ws.session.value.user.name }) : tr('ui.open.workspace')}
    </button>
  );
}
