// A short fingerprint of the baseline a scenario was made on, so opening it elsewhere can say
// "made on other data" before replaying. Two 32-bit FNV-1a hashes with different offsets over the
// layers' JSON: a content check, not a security measure. A mismatch only informs; replay decides.
import type { Layers } from '../model';

function fnv1a(s: string, offset: number): number {
  let h = offset >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function fingerprint(layers: Layers): string {
  const s = JSON.stringify([layers.communities, layers.facilities, layers.streets, layers.roads]);
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return hex(fnv1a(s, 0x811c9dc5)) + hex(fnv1a(s, 0x050c5d1f));
}
