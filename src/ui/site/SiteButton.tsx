// The header's switch for the site-check panel (kept apart: the panel's code loads when opened).
import { useApp, useT } from '../context';

export function SiteButton() {
  const { state, site } = useApp();
  const tr = useT();
  const open = site.open.value;
  return (
    <button type="button" class="site-toggle" data-testid="site-open" aria-pressed={open} disabled={!state.project.value} onClick={() => (site.open.value = !open)}>
      {tr('ui.open.site')}
    </button>
  );
}
