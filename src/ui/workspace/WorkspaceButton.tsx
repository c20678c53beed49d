// The header's switch for the workspace panel (kept apart: the panel's code loads when opened).
import { useT } from '../context';
import { probe, ws } from './store';

export function WorkspaceButton() {
  const tr = useT();
  const open = ws.open.value;
  const toggle = () => {
    ws.open.value = !open;
    if (!open && !ws.session.value) void probe();
  };
  return (
    <button type="button" data-testid="ws-open" aria-pressed={open} onClick={toggle}>
      {ws.session.value ? tr('ws.ui.buttonConnected', { name: ws.session.value.user.name }) : tr('ws.ui.button')}
    </button>
  );
}
