import { describe, expect, it } from 'vitest';
import { guessMapping, layoutKey, normalizeName, recallMapping, rememberMapping } from '../../src/io';

describe('column-mapping guesser', () => {
  it('Chinese headers as a civil-affairs spreadsheet has them, units in brackets and all', () => {
    const cols = ['序号', '社区编号', '社区名称', '所属街道', '社区类型', '常住人口（人）', '户数(户)', '60岁及以上人口', '0~3岁人口', '备注'];
    expect(guessMapping(cols, 'communities')).toEqual({
      id: '社区编号',
      name: '社区名称',
      street: '所属街道',
      type: '社区类型',
      population: '常住人口（人）',
      households: '户数(户)',
      elderly: '60岁及以上人口',
      infants: '0~3岁人口',
    });
  });
  it('facility lists: 护理型床位 never becomes plain beds, 床位数量 is beds, 托位 is places', () => {
    const cols = ['机构名称', '机构类型', '护理型床位数', '床位数量', '托位', '建筑面积（㎡）', '用地面积', '运营方式', '是否普惠'];
    expect(guessMapping(cols, 'facilities')).toEqual({
      name: '机构名称',
      kind: '机构类型',
      beds: '床位数量',
      nursingBeds: '护理型床位数',
      places: '托位',
      floorArea: '建筑面积（㎡）',
      landArea: '用地面积',
      ownership: '运营方式',
      inclusive: '是否普惠',
    });
  });
  it('English names and the model’s own names', () => {
    expect(guessMapping(['ID', 'Name', 'Kind', 'Beds', 'Nursing_Beds', 'places'], 'facilities')).toEqual({
      id: 'ID',
      name: 'Name',
      kind: 'Kind',
      beds: 'Beds',
      nursingBeds: 'Nursing_Beds',
      places: 'places',
    });
  });
  it('a column holding more than an alias is matched by containment: 常住人口数 → population', () => {
    expect(guessMapping(['名称', '常住人口数'], 'communities').population).toBe('常住人口数');
  });
  it('an id named after another layer is not taken: 街道代码 in a community list is not its id', () => {
    expect(guessMapping(['街道代码', '小区名称'], 'communities').id).toBeUndefined();
  });
  it('nothing recognisable maps to nothing', () => {
    expect(guessMapping(['a', 'b'], 'facilities')).toEqual({});
  });
  it('names normalise across width, case, brackets and separators', () => {
    expect(normalizeName('床位数（张）')).toBe('床位数');
    expect(normalizeName('Nursing_Beds')).toBe('nursingbeds');
    expect(normalizeName('托位数量')).toBe('托位数');
  });
  it('the layout key ignores column order, width and units, and differs by kind', () => {
    expect(layoutKey(['名称', '人口（人）'], 'communities')).toBe(layoutKey(['人口', '名称'], 'communities'));
    expect(layoutKey(['名称'], 'communities')).not.toBe(layoutKey(['名称'], 'facilities'));
  });
});

describe('mapping remembered per file layout', () => {
  const mapStore = () => {
    const m = new Map<string, unknown>();
    return { m, store: { get: async (k: string) => m.get(k), set: async (k: string, v: unknown) => void m.set(k, v) } };
  };
  it('the user’s correction comes back for a file with the same columns in another order', async () => {
    const { store } = mapStore();
    const cols = ['单位', '类别', '床位', '备注'];
    expect((await recallMapping(store, cols, 'facilities')).remembered).toBe(false);
    await rememberMapping(store, cols, 'facilities', { name: '单位', kind: '备注', beds: '床位' });
    const again = await recallMapping(store, ['备注', '床位', '类别', '单位'], 'facilities');
    expect(again).toEqual({ mapping: { name: '单位', kind: '备注', beds: '床位' }, remembered: true });
  });
  it('a field the user left out stays out; another layout is not affected', async () => {
    const { store } = mapStore();
    await rememberMapping(store, ['名称', '类型', '面积'], 'facilities', { name: '名称', kind: '类型' });
    // the guesser would map 面积 → floorArea, but the user removed it
    expect((await recallMapping(store, ['名称', '类型', '面积'], 'facilities')).mapping).toEqual({ name: '名称', kind: '类型' });
    expect((await recallMapping(store, ['名称', '类型', '面积', '托位'], 'facilities')).remembered).toBe(false);
  });
  it('junk in the store is ignored', async () => {
    const { store, m } = mapStore();
    m.set(`io.mapping:${layoutKey(['名称'], 'facilities')}`, ['not', 'a', 'mapping']);
    expect(await recallMapping(store, ['名称'], 'facilities')).toEqual({ mapping: { name: '名称' }, remembered: false });
  });
});

describe('mapping memory across spellings of the same layout', () => {
  it('"人口（人）" saved, "人口" in the next file: found by normalised name', async () => {
    const m = new Map<string, unknown>();
    const store = { get: async (k: string) => m.get(k), set: async (k: string, v: unknown) => void m.set(k, v) };
    await rememberMapping(store, ['名称', '人口（人）', '类型'], 'communities', { name: '名称', population: '人口（人）', type: '类型' });
    expect(await recallMapping(store, ['名称', '人口', '类型'], 'communities')).toEqual({ mapping: { name: '名称', population: '人口', type: '类型' }, remembered: true });
  });
});
