// Construction subsidies of a scenario (赤峰 001, item 2: cf.subsidy.beds, cf.subsidy.places) and the
// operating subsidy (cf.subsidy.operating), itemised per new bed and place, and the yearly budget
// lines of the profiles (ak.budget, wy.budget) to set the total against. Clause texts are quoted
// from the seed documents as they stand. All amounts CNY.
// H1's rule engine was to export costOf(items, profile); it did not exist when this was written,
// so this module holds the rates with the same item shape. Swap in the engine's if it lands.
import type { Citation, Msg } from '../model';

export type CostMode = 'new' | 'converted' | 'leased5y' | 'expansion';
export const COST_MODES: readonly CostMode[] = ['new', 'converted', 'leased5y', 'expansion'];

export interface CostItem {
  kind: 'bed' | 'place';
  count: number;
  mode: CostMode;
  rural: boolean;
  /** the facility the item comes from, for the itemised list */
  facilityId?: string;
  facilityName?: string;
}

export interface CostLine extends CostItem {
  rule: 'cf.subsidy.beds' | 'cf.subsidy.places';
  /** CNY per bed or place */
  rate: number;
  amount: number;
}

export interface CostSummary {
  lines: CostLine[];
  /** one-off construction subsidies, CNY */
  total: number;
  beds: { count: number; amount: number };
  places: { count: number; amount: number };
  /** the yearly operating subsidy if every new bed and place were taken (an upper bound) */
  operatingPerYearAtFull: number;
  /** items the rules give no rate for (e.g. a converted building for childcare places) */
  unpriced: { item: CostItem; reason: Msg }[];
  citations: Citation[];
}

const CF_DOC = '001 赤峰市“一老一小”整体解决方案重大要素清单（附件2）';

export const CITATIONS = {
  beds: {
    document: CF_DOC,
    clause: '2 财政支持，预期目标1',
    text: '对于新建的普惠性养老机构，根据备案情况给予一次性建设补助，其中，新建每张床位（含公共设施30平方米）3000元；购买闲置厂房、空置学校、私人房产进行维修改造每张床位（含公共设施30平方米）2000元；租赁房产且租赁合同在5年以上的每张床位（含公共设施30平方米）1000元。',
    note: '只适用于普惠性机构；原文对床位未列“改扩建”，现有机构新增的床位按“新建”计，另标明改造或租赁的按其标准计',
  },
  places: {
    document: CF_DOC,
    clause: '2 财政支持，预期目标2',
    text: '对于新建的普惠性托育机构，根据备案情况给予一次性建设补助，其中，城市新建每个托位2500元、农村新建每个托位1500元，城市改扩建新增托位每个托位1500元、农村改扩建新增托位每个托位500元。',
    note: '新设施的托位按“新建”计，现有设施增加的托位按“改扩建新增”计；城乡按所在居住区类型（rural 为农村），不在居住区内时按所在街道/镇（镇为农村）',
  },
  operating: {
    document: CF_DOC,
    clause: '2 财政支持，预期目标3',
    text: '按照实际入住人数，给予每人每月100元的养老托育机构运营补贴。',
    note: '实际入住人数在规划中未知，这里给出全部新增床位和托位都住满时每年的上限',
  },
} as const satisfies Record<string, Citation>;

/** CNY per bed (cf.subsidy.beds); the text gives no rate for an expansion mode of beds */
export const BED_RATES: Readonly<Partial<Record<CostMode, number>>> = { new: 3000, converted: 2000, leased5y: 1000 };
/** CNY per place (cf.subsidy.places), urban and rural; no rate for converted or leased buildings */
export const PLACE_RATES: Readonly<Record<'urban' | 'rural', Partial<Record<CostMode, number>>>> = {
  urban: { new: 2500, expansion: 1500 },
  rural: { new: 1500, expansion: 500 },
};
/** CNY per occupant per month (cf.subsidy.operating) */
export const OPERATING_RATE = 100;

export function costOf(items: readonly CostItem[]): CostSummary {
  const lines: CostLine[] = [];
  const unpriced: CostSummary['unpriced'] = [];
  for (const item of items) {
    const rate = item.kind === 'bed' ? BED_RATES[item.mode] : PLACE_RATES[item.rural ? 'rural' : 'urban'][item.mode];
    if (rate === undefined) {
      unpriced.push({ item, reason: { key: `scenario.cost.noRate.${item.kind}`, args: { mode: item.mode } } });
      continue;
    }
    lines.push({ ...item, rule: item.kind === 'bed' ? 'cf.subsidy.beds' : 'cf.subsidy.places', rate, amount: rate * item.count });
  }
  const sum = (kind: CostItem['kind']) => {
    const ls = lines.filter((l) => l.kind === kind);
    return { count: ls.reduce((s, l) => s + l.count, 0), amount: ls.reduce((s, l) => s + l.amount, 0) };
  };
  const beds = sum('bed');
  const places = sum('place');
  const occupiable = items.reduce((s, i) => s + i.count, 0);
  return {
    lines,
    total: beds.amount + places.amount,
    beds,
    places,
    operatingPerYearAtFull: occupiable * OPERATING_RATE * 12,
    unpriced,
    citations: [CITATIONS.beds, CITATIONS.places, CITATIONS.operating],
  };
}

export interface BudgetLine {
  rule: 'ak.budget' | 'wy.budget';
  /** what the money is for */
  scope: 'elderly_and_childcare' | 'elderly' | 'childcare';
  /** CNY per year */
  perYear: number;
  citation: Citation;
}

const AK_BUDGET: Citation = {
  document: '000 安康市“一老一小”重大要素清单（附件6）',
  clause: '经费要素 2 市财政专项养老托育支持资金',
  text: '市财政每年拿出1500万元支持养老、托育事业发展，每年补贴养老服务事业的福利彩票公益金不低于60%。',
};
const WY_BUDGET: Citation = {
  document: '002 万源市促进养老托育服务健康发展实施方案（代拟稿）',
  clause: '附件2 第10项',
  text: '万源市要按照养老发展资金每年至少2000万元、托育发展资金每年至少1000万元的标准纳入年度财政预算予以保障，专项用于“一老一小”事业发展；社会福利事业的彩票公益金不低于55%用于养老服务发展。',
};

/** The yearly budget lines a profile sets (none for cf, xn, ca; combined has both documents'). */
export function budgetLines(profile: string): BudgetLine[] {
  const ak: BudgetLine[] = [{ rule: 'ak.budget', scope: 'elderly_and_childcare', perYear: 15_000_000, citation: AK_BUDGET }];
  const wy: BudgetLine[] = [
    { rule: 'wy.budget', scope: 'elderly', perYear: 20_000_000, citation: WY_BUDGET },
    { rule: 'wy.budget', scope: 'childcare', perYear: 10_000_000, citation: WY_BUDGET },
  ];
  if (profile === 'ak') return ak;
  if (profile === 'wy') return wy;
  if (profile === 'combined') return [...ak, ...wy];
  return [];
}
