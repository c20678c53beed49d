// (seed 001) 赤峰市“一老一小”整体解决方案重大要素清单（附件2）
import type { Profile } from '../types';
import { DOC } from './documents';
import { CHILDCARE, ELDERLY, INSTITUTIONS, URBAN } from './kinds';

/** cf.bed.area: a subsidised bed comes with 30 m² including shared space */
export const CF_BED_AREA = 30;

export const cf: Profile = {
  id: 'cf',
  name: { zh: '赤峰市', en: 'Chifeng' },
  document: DOC.cf,
  rules: [
    {
      id: 'cf.households',
      kind: 'ratio',
      name: { zh: '住宅小区养老托育用房（每百户）', en: 'Elderly-care + childcare floor area per 100 households' },
      levels: ['community'],
      citation: {
        document: DOC.cf,
        clause: '3 场地支持 预期目标2',
        text: '所有住宅小区应当按照每百户不少于20平方米建筑面积的标准配套养老托育服务设施',
        note: '住宅小区（新建、已建成，不含村）；养老与托育设施建筑面积合计；有床位而无建筑面积的设施按每床30平方米估算（cf.bed.area）。',
        noteEn:
          'Residential communities (new and built, not villages); elderly-care and childcare floor area together; a facility with beds but no floor area is estimated at 30 m² per bed (cf.bed.area).',
      },
      params: {
        supply: { kinds: [...ELDERLY, ...CHILDCARE], field: 'floorArea', bedArea: CF_BED_AREA },
        demand: 'households',
        per: 100,
        min: 20,
        scope: { types: [...URBAN] },
        catchment: true,
        measure: 'm2_per_100_households',
        rounding: 'decimal',
      },
    },
    {
      id: 'cf.land.since2013',
      kind: 'ratio',
      name: { zh: '2013年以来新建小区养老设施人均用地', en: 'Elderly-care land per resident, communities built since 2013' },
      levels: ['community'],
      citation: {
        document: DOC.cf,
        clause: '3 场地支持 预期目标1',
        text: '补齐2013年以来新建小区社区养老服务设施人均用地不足0.1平方米的缺口',
        note: '建成年份 ≥ 2013 的城镇小区（不含村）；缺口以平方米计。',
        noteEn: 'Urban communities built in 2013 or later (not villages); the shortfall in m².',
      },
      params: {
        supply: { kinds: ELDERLY, field: 'landArea' },
        demand: 'population',
        per: 1,
        min: 0.1,
        scope: { types: [...URBAN], builtFrom: 2013 },
        catchment: true,
        measure: 'm2_per_resident',
        rounding: 'decimal',
      },
    },
    {
      id: 'cf.bed.area',
      kind: 'ratio',
      name: { zh: '每张床位建筑面积（含公共设施）', en: 'Floor area per bed, shared space included' },
      // a definition of what one subsidised bed is, not a floor-area standard: no level is judged
      levels: [],
      citation: {
        document: DOC.cf,
        clause: '2 财政支持 预期目标1',
        text: '新建每张床位（含公共设施30平方米）',
        note: '补贴口径的定义：一张床位含公共设施30平方米。只用于床位与建筑面积的换算（cf.households 中有床位而无建筑面积的设施、方案造价），不作达标评价。',
        noteEn:
          "The subsidy's definition of one bed (30 m² including shared space): used only to convert beds ↔ floor area (cf.households for a facility with beds but no floor area; scenario costs), never as a pass/fail test.",
      },
      params: { supply: { kinds: INSTITUTIONS, field: 'floorArea' }, demand: 'beds', per: 1, min: CF_BED_AREA, measure: 'm2_per_bed', rounding: 'decimal' },
    },
    {
      id: 'cf.subsidy.beds',
      kind: 'cost',
      name: { zh: '新增床位一次性建设补助', en: 'One-off construction subsidy per new bed' },
      levels: ['scenario'],
      citation: {
        document: DOC.cf,
        clause: '2 财政支持 预期目标1',
        text: '新建每张床位（含公共设施30平方米）3000元；购买闲置厂房、空置学校、私人房产进行维修改造每张床位（含公共设施30平方米）2000元；租赁房产且租赁合同在5年以上的每张床位（含公共设施30平方米）1000元',
      },
      params: { rates: { bed: { new: 3000, converted: 2000, leased5y: 1000 } } },
    },
    {
      id: 'cf.subsidy.places',
      kind: 'cost',
      name: { zh: '新增托位一次性建设补助', en: 'One-off construction subsidy per new childcare place' },
      levels: ['scenario'],
      citation: {
        document: DOC.cf,
        clause: '2 财政支持 预期目标2',
        text: '城市新建每个托位2500元、农村新建每个托位1500元，城市改扩建新增托位每个托位1500元、农村改扩建新增托位每个托位500元',
      },
      params: { rates: { place: { urbanNew: 2500, ruralNew: 1500, urbanExpansion: 1500, ruralExpansion: 500 } } },
    },
    {
      id: 'cf.subsidy.operating',
      kind: 'cost',
      name: { zh: '养老托育机构运营补贴', en: 'Operating subsidy per occupant' },
      levels: ['scenario'],
      citation: { document: DOC.cf, clause: '2 财政支持 预期目标3', text: '按照实际入住人数，给予每人每月100元的养老托育机构运营补贴' },
      params: { rates: { operatingPerMonth: 100 } },
    },
  ],
};
