// The mini area's archive drawn by MapLibre in Debian's Chromium with the demo style: the map gets to
// idle with no request leaving localhost (no glyph, sprite or tile server) and places the Chinese
// labels the fixture holds. Screenshot: tests/output/basemap-mini-z13.png.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBasemap } from '../../scripts/basemap/build';
import { preview } from '../../scripts/basemap/preview';
import { browserPath, skipWithout } from '../tools';

const browser = browserPath();

describe.skipIf(skipWithout(Boolean(browser), 'Chromium (apt-get install chromium, or set CHROMIUM_PATH)'))('demo base map in Chromium', () => {
  it('renders offline and places street, town and community labels', async () => {
    const archive = join(mkdtempSync(join(tmpdir(), 'basemap-')), 'mini.pmtiles');
    writeFileSync(archive, buildBasemap({ inDir: 'tests/basemap/fixtures/mini-area' }).bytes);
    const r = await preview({
      archive,
      out: 'tests/output/basemap-mini-z13.png',
      // between the two streets; at z13 on 1366×768 the view spans ≈ 0.117° × 0.056°, the whole 0.1° area wide
      center: [108.95, 34.15],
      zoom: 13,
      width: 1366,
      height: 768,
      style: 'demo',
      lang: 'zh',
      browser,
    });
    expect(r.external).toEqual([]);
    expect(r.errors).toEqual([]);
    expect(new Set(r.labels)).toEqual(new Set(['甲街道', '乙镇', '韦曲社区', '东村', '长安大道', '一号路']));
    expect(existsSync('tests/output/basemap-mini-z13.png')).toBe(true);
  }, 60000);
});
