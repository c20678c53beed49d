// The team workspace panel's signals, one set per app (createApp), apart from the panel's client and
// the API schemas it parses with (state/workspace-panel.ts), so the header's button and the page's
// first JS carry none of those until the panel is first opened.
import { signal } from '@preact/signals';
import type { Review, ReviewSummary, Session } from './workspace';

export type WorkspaceMessage = { kind: 'error' | 'offline' | 'info'; key: string; args?: Record<string, string | number> };

export function createWorkspaceSignals() {
  return {
    open: signal(false),
    session: signal<Session | null>(null),
    /** the last problem, as the server or the network said it */
    message: signal<WorkspaceMessage | null>(null),
    reviews: signal<ReviewSummary[]>([]),
    filter: signal(''),
    opened: signal<Review | null>(null),
    /** how many changes wait in this browser for upload */
    outbox: signal(0),
    busy: signal(false),
  };
}

export type WorkspaceSignals = ReturnType<typeof createWorkspaceSignals>;
