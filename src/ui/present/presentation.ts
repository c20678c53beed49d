// Presentation mode: full screen where the browser allows it (else the page fills the window and
// says so), only the KPI cards, legend, scenario switcher and map; ←/→ and PageUp/PageDown (what
// presentation clickers send) step through the saved views; Esc leaves.
import { signal } from '@preact/signals';
import type { Compare } from '../../state/compare';
import type { Views } from '../../state/views';

export function createPresentation(compare: Compare, views: Views) {
  const on = signal(false);
  /** true when the browser refused full screen and the page only fills its window */
  const fallback = signal(false);

  const onKey = (e: KeyboardEvent): void => {
    if (!on.peek()) return;
    // keys typed into the scenario switcher are the switcher's
    if (e.target instanceof HTMLElement && e.target.closest('select, input, textarea')) return;
    if (e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === ' ') {
      e.preventDefault();
      void views.step(1);
    } else if (e.key === 'ArrowLeft' || e.key === 'PageUp') {
      e.preventDefault();
      void views.step(-1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      leave();
    }
  };
  // the browser's own Esc ends full screen without a keydown reaching the page
  const onFullscreen = (): void => {
    if (on.peek() && !fallback.peek() && !document.fullscreenElement) leave();
  };

  async function enter(): Promise<void> {
    if (on.peek()) return;
    on.value = true;
    document.documentElement.classList.add('presenting');
    compare.followActive('present', true);
    window.addEventListener('keydown', onKey);
    document.addEventListener('fullscreenchange', onFullscreen);
    try {
      if (!document.fullscreenEnabled) throw new Error('full screen not available');
      await document.documentElement.requestFullscreen({ navigationUI: 'hide' });
      fallback.value = false;
    } catch {
      fallback.value = true;
    }
  }

  function leave(): void {
    if (!on.peek()) return;
    on.value = false;
    fallback.value = false;
    document.documentElement.classList.remove('presenting');
    compare.followActive('present', false);
    window.removeEventListener('keydown', onKey);
    document.removeEventListener('fullscreenchange', onFullscreen);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }

  return { on, fallback, enter, leave };
}

export type Presentation = ReturnType<typeof createPresentation>;
