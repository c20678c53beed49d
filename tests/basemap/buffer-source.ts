// Reads an in-memory archive through the pmtiles package, the same reader the app uses.
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';

class BufferSource implements Source {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly key: string,
  ) {}
  getKey(): string {
    return this.key;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    // slice copies, so the reader gets its own ArrayBuffer like a fetch response
    return { data: this.bytes.slice(offset, offset + length).buffer };
  }
}

let counter = 0;
export function readArchive(bytes: Uint8Array): PMTiles {
  counter += 1;
  return new PMTiles(new BufferSource(bytes, `memory-${counter}`));
}
