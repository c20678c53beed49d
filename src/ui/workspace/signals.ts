// The workspace panel's signals, apart from its client (and the API schemas it parses with), so the
// header's button and the page bundle carry none of it until the panel is first opened.
import { signal } from '@preact/signals';
import type { Review, ReviewSummary, Session } from '../../state/workspace';

export const ws = {
  open: signal(false),
  session: signal<Session | null>(null),
  /** the last problem, as the server or the network said it */
  message: signal<{ kind: 'error' | 'offline' | 'info'; key: string; args?: Record<string, string | number> } | null>(null),
  reviews: signal<ReviewSummary[]>([]),
  filter: signal(''),
  opened: signal<Review | null>(null),
  outbox: signal(0),
  busy: signal(false),
};
