// On-site supply (配建): which facilities belong to which community.
// 1. A facility whose `community` property (extra.community; aliases 所属小区, 所属社区 …) names an
//    existing community belongs to it — the planner's own statement wins over geometry, and it is
//    the only way to attach facilities to a community mapped as a point.
// 2. Otherwise a facility belongs to the polygon community that contains its point (representative
//    point for polygon facilities). Candidates come from a flatbush index over community bounding
//    boxes, so the work is proportional to facilities × (communities whose box holds the point).
// Overlapping community polygons: the first in layer order wins, and a data issue says so.
import Flatbush from 'flatbush';
import { pointInArea, type LonLat } from '../geo';
import { boxOf, packedAt, pointInPacked } from '../packed-outlines';
import type { Community, DataIssue, Facility } from '../model';

export interface OnsiteAssignment {
  /** facility indices per community index */
  byCommunity: number[][];
  /** community index per facility index, or -1 */
  communityOf: Int32Array;
  issues: DataIssue[];
}

/** Where one facility stands: its community (-1: none), whether its link named no community,
 *  and every polygon holding its point when several overlap (the first wins). */
export interface OnsitePlace {
  community: number;
  unknownLink: boolean;
  overlap: number[] | null;
}

/** Finds the community of one facility at a time: the index is built once per communities, so an
 *  edit that moves or adds a facility asks only about that one (rules/context.ts). */
export function onsiteLocator(communities: Community[]): (link: unknown, p: LonLat) => OnsitePlace {
  const byId = new Map(communities.map((c, i) => [c.id, i]));
  // a packed outline (core/packed-outlines.ts) is read from its packing: its box, the test below
  const polygons = communities.flatMap((c, i) => (packedAt(c) || c.geometry.type !== 'Point' ? [i] : []));
  let index: Flatbush | undefined;
  if (polygons.length > 0) {
    index = new Flatbush(polygons.length);
    for (const i of polygons) index.add(...boxOf(communities[i]));
    index.finish();
  }
  return (link, p) => {
    let unknownLink = false;
    if (typeof link === 'string' && link !== '') {
      const ci = byId.get(link);
      if (ci !== undefined) return { community: ci, unknownLink, overlap: null };
      unknownLink = true;
    }
    if (!index) return { community: -1, unknownLink, overlap: null };
    const hits = index
      .search(p[0], p[1], p[0], p[1])
      .map((k) => polygons[k])
      .filter((ci) => {
        const at = packedAt(communities[ci]);
        if (at) return pointInPacked(at, p[0], p[1]);
        const g = communities[ci].geometry;
        return g.type !== 'Point' && pointInArea(p, g);
      })
      .sort((a, b) => a - b);
    return { community: hits.length > 0 ? hits[0] : -1, unknownLink, overlap: hits.length > 1 ? hits : null };
  };
}

/** The issues one facility's place raises (fi: its index after de-duplication). */
export function onsiteIssues(communities: Community[], f: Facility, fi: number, at: OnsitePlace): DataIssue[] {
  const out: DataIssue[] = [];
  if (at.unknownLink) {
    out.push({
      level: 'facility',
      id: f.id,
      index: fi,
      field: 'community',
      severity: 'warning',
      msg: { key: 'issue.unknownCommunityLink', args: { id: f.id, community: f.extra.community as string } },
    });
  }
  if (at.overlap) {
    const hits = at.overlap;
    out.push({
      level: 'facility',
      id: f.id,
      index: fi,
      severity: 'warning',
      msg: { key: 'issue.overlapCommunities', args: { id: f.id, communities: hits.map((ci) => communities[ci].id).join(', '), chosen: communities[hits[0]].id } },
    });
  }
  return out;
}

export function assignOnsite(communities: Community[], facilities: Facility[], facilityPoints: LonLat[]): OnsiteAssignment {
  const byCommunity: number[][] = communities.map(() => []);
  const communityOf = new Int32Array(facilities.length).fill(-1);
  const issues: DataIssue[] = [];
  // no facilities (a suggestion's existing ones may be none): no index over the communities
  if (facilities.length === 0) return { byCommunity, communityOf, issues };
  const locate = onsiteLocator(communities);
  facilities.forEach((f, fi) => {
    const at = locate(f.extra.community, facilityPoints[fi]);
    issues.push(...onsiteIssues(communities, f, fi, at));
    if (at.community < 0) return;
    communityOf[fi] = at.community;
    byCommunity[at.community].push(fi);
  });
  return { byCommunity, communityOf, issues };
}
