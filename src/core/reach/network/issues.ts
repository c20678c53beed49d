// Problems found while building the street graph or snapping points to it. Each names the
// layer, the position of the feature in its input and, where known, its id, so a planner can
// find and fix it; nothing is dropped silently.
import type { Msg } from '../../model';

export interface NetworkIssue {
  layer: 'roads' | 'demand' | 'supply';
  /** 0-based position in the input array */
  index: number;
  id?: string;
  field?: string;
  severity: 'error' | 'warning';
  /** i18n key (src/i18n/network.ts) and its arguments */
  msg: Msg;
}
