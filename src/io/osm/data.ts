// OpenStreetMap primitives as both readers (XML and PBF) deliver them: node coordinates in flat
// arrays (extracts hold millions of nodes), tagged nodes, ways, and relations with tags and members.
export type Tags = Record<string, string>;

export interface OsmWay {
  id: number;
  refs: number[];
  tags: Tags;
}

export interface OsmTagged {
  id: number;
  lon: number;
  lat: number;
  tags: Tags;
}

export interface OsmMember {
  type: 'node' | 'way' | 'relation';
  ref: number;
  role: string;
}

export interface OsmRelation {
  id: number;
  tags: Tags;
  members: OsmMember[];
}

export class OsmData {
  /** node id → slot in lon/lat */
  private readonly slot = new Map<number, number>();
  private lon = new Float64Array(1024);
  private lat = new Float64Array(1024);
  private count = 0;
  readonly taggedNodes: OsmTagged[] = [];
  readonly ways: OsmWay[] = [];
  readonly relations: OsmRelation[] = [];

  get nodeCount(): number {
    return this.count;
  }

  addNode(id: number, lon: number, lat: number, tags: Tags | null): void {
    if (this.count === this.lon.length) {
      const lo = new Float64Array(this.count * 2);
      lo.set(this.lon);
      this.lon = lo;
      const la = new Float64Array(this.count * 2);
      la.set(this.lat);
      this.lat = la;
    }
    this.slot.set(id, this.count);
    this.lon[this.count] = lon;
    this.lat[this.count] = lat;
    this.count++;
    if (tags && Object.keys(tags).length > 0) this.taggedNodes.push({ id, lon, lat, tags });
  }

  /** [lon, lat] of a node, or undefined if the extract does not contain it */
  coord(id: number): [number, number] | undefined {
    const s = this.slot.get(id);
    return s === undefined ? undefined : [this.lon[s], this.lat[s]];
  }
}
