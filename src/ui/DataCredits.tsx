// The credits the shown data asks for (OpenStreetMap's ODbL above all), on the map itself, beside
// the base map's own attribution: ODbL wants it wherever the data is shown.
import { useApp, useT } from './context';
import './credits.css';

export function DataCredits() {
  const { state } = useApp();
  const tr = useT();
  const credits = state.project.value?.credits ?? [];
  if (credits.length === 0) return null;
  return (
    <div class="data-credits" data-testid="data-credits">
      {tr('ui.credits.data')} {credits.join(' · ')}
    </div>
  );
}
