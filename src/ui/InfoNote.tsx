// What is real and what is simulated in the demo area, and where the data comes from.
import { useT } from './context';

/** The three paragraphs, shared by this panel and the print sheet's data sources. */
export function DemoProvenance({ sourcesClass }: { sourcesClass?: string }) {
  const tr = useT();
  return (
    <>
      <p>
        <strong>{tr('ui.info.realLabel')}</strong> {tr('ui.info.real')}
      </p>
      <p>
        <strong>{tr('ui.info.simLabel')}</strong> {tr('ui.info.simulated')}
      </p>
      <p class={sourcesClass}>{tr('ui.info.sources')}</p>
    </>
  );
}

export function InfoNote() {
  const tr = useT();
  return (
    <section class="panel info" aria-labelledby="info-h" data-testid="info-note">
      <h2 id="info-h">{tr('ui.info.title')}</h2>
      <DemoProvenance sourcesClass="note" />
    </section>
  );
}
