// A panel whose code loads when it is first opened (dynamic import: a chunk of its own), so the
// page opens a project without the site check, suggestion or compare code. While the chunk loads
// the panel's place says so; a failed load says that too and tries again on the next opening.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from './context';
import { errorMessage } from '../core/errors';

export function lazyPanel<P extends object>(load: () => Promise<ComponentType<P>>, useOpen: () => boolean, className = 'side-panel'): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  return function LazyPanel(props: P) {
    const open = useOpen();
    const tr = useT();
    const [, setReady] = useState(0);
    const [failed, setFailed] = useState<string | null>(null);
    useEffect(() => {
      if (!open || loaded) return;
      let live = true;
      pending ??= load();
      pending.then(
        (c) => {
          loaded = c;
          if (live) setReady((n) => n + 1);
        },
        (e: unknown) => {
          pending = null;
          if (live) setFailed(errorMessage(e));
        },
      );
      return () => {
        live = false;
      };
    }, [open]);
    if (!open) return null;
    if (loaded) {
      const Panel = loaded;
      return <Panel {...props} />;
    }
    return (
      <div class={className} role="status" data-testid="loading-note">
        <p class="note">{failed ? tr('ui.loading.failed', { error: failed }) : tr('ui.loading.part')}</p>
      </div>
    );
  };
}
