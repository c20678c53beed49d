// What is real and what is simulated in the demo area, and where the data comes from.
import { useT } from './context';

export function InfoNote() {
  const tr = useT();
  return (
    <section class="panel info" aria-labelledby="info-h" data-testid="info-note">
      <h2 id="info-h">{tr('ui.info.title')}</h2>
      <p>
        <strong>{tr('ui.info.realLabel')}</strong> {tr('ui.info.real')}
      </p>
      <p>
        <strong>{tr('ui.info.simLabel')}</strong> {tr('ui.info.simulated')}
      </p>
      <p class="note">{tr('ui.info.sources')}</p>
    </section>
  );
}
