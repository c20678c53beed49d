// The header's switch for the suggestion panel (kept apart: the panel's code loads when opened).
import { useApp, useT } from '../context';

export function SuggestButton() {
  const { state, actions } = useApp();
  const tr = useT();
  const open = state.suggest.open.value;
  return (
    <button type="button" class="suggest-toggle" data-testid="suggest-open" aria-pressed={open} disabled={!state.project.value} onClick={() => actions.suggest.setOpen(!open)}>
      {tr('ui.open.suggest')}
    </button>
  );
}
