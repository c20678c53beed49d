// The main map's requests for the worker's tiles, per layer and version (MapView's yy-units
// protocol): whether the current version of each layer has been asked for and fully answered.
// Only the current version is ever asked about, so an older version is forgotten once its last
// request is answered (keeping every version grew by one entry per edit for the whole visit).

export class TileRequests {
  /** unanswered requests per `layer/version`, only while there are some */
  private readonly out = new Map<string, number>();
  /** the layers whose current version has had a request answered */
  private readonly answered = new Set<string>();
  private readonly versions = new Map<string, number>();

  /** The layer's tiles are of `version` now (0: none yet). */
  setVersion(layer: string, version: number): void {
    this.versions.set(layer, version);
    this.answered.delete(layer);
  }

  asked(layer: string, version: number): void {
    const key = `${layer}/${version}`;
    this.out.set(key, (this.out.get(key) ?? 0) + 1);
  }

  answer(layer: string, version: number): void {
    const key = `${layer}/${version}`;
    const left = (this.out.get(key) ?? 0) - 1;
    if (left > 0) this.out.set(key, left);
    else this.out.delete(key);
    if (version === this.versions.get(layer)) this.answered.add(layer);
  }

  /** the layer has no tiles yet (version 0), or its current version's were asked for and all answered */
  settled(layer: string): boolean {
    const v = this.versions.get(layer) ?? 0;
    return v === 0 || (this.answered.has(layer) && !this.out.has(`${layer}/${v}`));
  }

  /** `layer/version` entries held (tests: it stays small however many versions pass) */
  get held(): number {
    return this.out.size + this.answered.size;
  }
}
