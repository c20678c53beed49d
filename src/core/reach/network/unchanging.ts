// Point groups whose maker never changes them: NetworkReach.place() knows them again by identity
// instead of comparing every coordinate — the ≈ 530 000 ways out of a city's communities, asked for
// by every edit's walk and nearest-facility search. A module of its own so the straight-line path
// can mark them without loading the network code.
import type { PackedGroups, PointGroups } from './placement';

const unchanging = new WeakSet<object>();

/** Marks packed groups as known by identity: their maker must never write their arrays again. */
export function unchangingGroups(groups: PackedGroups): PackedGroups {
  unchanging.add(groups);
  return groups;
}

/** Marks an array of numbers (metres added per point, NetworkReach.reachFrom's `extra`) its maker
 *  never writes again: what is made of it is kept with it. */
export function unchangingNumbers<T extends Float64Array>(x: T): T {
  unchanging.add(x);
  return x;
}

export const isUnchanging = (x: PointGroups | PackedGroups | ArrayLike<number>): boolean => unchanging.has(x as object);
