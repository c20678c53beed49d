// Which OpenStreetMap ways a person can walk along. Follows the OSM wiki's pedestrian access
// conventions: footways, paths, steps, pedestrian streets and ordinary streets are walkable;
// motorways are not unless foot=yes; foot=no / access=private|no close a way to walkers unless
// foot explicitly allows them. Sidewalks drawn on a street (sidewalk=*) need nothing extra: the
// street itself is walked.
import type { Tags } from './data';

export const WALKABLE_HIGHWAYS: ReadonlySet<string> = new Set([
  'footway',
  'path',
  'pedestrian',
  'steps',
  'living_street',
  'residential',
  'service',
  'unclassified',
  'road',
  'track',
  'cycleway', // in China shared with walkers almost everywhere; foot=no excludes it where not
  'corridor',
  'tertiary',
  'tertiary_link',
  'secondary',
  'secondary_link',
  'primary',
  'primary_link',
  'trunk', // 国道/城市快速路 with sidewalks in towns; foot=no excludes the ones without
  'trunk_link',
]);

const FOOT_ALLOWED = new Set(['yes', 'designated', 'permissive', 'official']);
const CLOSED = new Set(['no', 'private']);

/** Why a highway way is not walked, or null if it is. Non-highway ways return 'not_highway'. */
export function notWalkable(tags: Tags): string | null {
  const hw = tags.highway;
  if (!hw) return 'not_highway';
  const foot = tags.foot;
  if (foot !== undefined && FOOT_ALLOWED.has(foot)) return null;
  if (foot !== undefined && CLOSED.has(foot)) return `foot=${foot}`;
  if (tags.access !== undefined && CLOSED.has(tags.access)) return `access=${tags.access}`;
  if (!WALKABLE_HIGHWAYS.has(hw)) return `highway=${hw}`;
  return null;
}
