// Point groups whose maker never changes them (frozen, with their points): NetworkReach.place()
// knows them again by identity instead of comparing every coordinate — the ≈ 150 000 ways out of a
// city's communities, asked for by every edit's walk and nearest-facility search. A module of its
// own so the straight-line path can mark them without loading the network code.
import type { LonLat } from '../types';
import type { PointGroups } from './placement';

const unchanging = new WeakSet<PointGroups>();

/** Freezes the groups and their points and marks them as known by identity. */
export function unchangingGroups(groups: (readonly LonLat[])[]): PointGroups {
  for (const g of groups) {
    for (const p of g) Object.freeze(p);
    Object.freeze(g);
  }
  Object.freeze(groups);
  unchanging.add(groups);
  return groups;
}

export const isUnchanging = (groups: PointGroups): boolean => unchanging.has(groups);
