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

/**
 * Node id → slot, as an open-addressing hash table on typed arrays: a JS Map stops at 2^24
 * entries (a provincial extract has more nodes), and OSM ids passed 2^32 long ago, so the keys
 * are whole numbers kept in a Float64Array (exact below 2^53).
 */
export class IdTable {
  private keys = new Float64Array(1 << 12);
  private slots = new Int32Array(1 << 12).fill(-1);
  size = 0;

  set(id: number, slot: number): void {
    if (2 * (this.size + 1) > this.slots.length) this.grow();
    const mask = this.slots.length - 1;
    let h = mix(id) & mask;
    while (this.slots[h] >= 0 && this.keys[h] !== id) h = (h + 1) & mask;
    if (this.slots[h] < 0) this.size++;
    this.keys[h] = id;
    this.slots[h] = slot;
  }

  get(id: number): number | undefined {
    const mask = this.slots.length - 1;
    let h = mix(id) & mask;
    while (this.slots[h] >= 0) {
      if (this.keys[h] === id) return this.slots[h];
      h = (h + 1) & mask;
    }
    return undefined;
  }

  private grow(): void {
    const keys = this.keys;
    const slots = this.slots;
    this.keys = new Float64Array(keys.length * 2);
    this.slots = new Int32Array(slots.length * 2).fill(-1);
    this.size = 0;
    for (let i = 0; i < slots.length; i++) if (slots[i] >= 0) this.set(keys[i], slots[i]);
  }
}

/** Hash of a whole number up to 2^53: both 32-bit halves mixed. */
function mix(id: number): number {
  const lo = id >>> 0;
  const hi = Math.floor(id / 4294967296) >>> 0;
  let h = Math.imul(lo ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(hi ^ 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

export class OsmData {
  /** node id → slot in lon/lat */
  private readonly slot = new IdTable();
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
