// 赤峰市“一老一小”整体解决方案重大要素清单（附件2）: seven elements (序号 1–7), each with its
// “十四五”保障措施, 预期目标 and 责任单位. Targets without a year run to the end of 2025.
import type { LedgerTarget } from './types';

const P = { from: 2021, due: 2025 };
const r1 = '市教育局、民政局、人力资源社会保障局、卫生健康委，各旗县区人民政府';
const r2 = '市发展改革委、民政局、财政局、卫生健康委、金融工作办公室，各旗县区人民政府';
const r3 = '市民政局、自然资源局、住房城乡建设局、卫生健康委，各旗县区人民政府';
const m1 = '养老托育人才培养纳入职业教育培训体系；实施服务队伍能力提升行动，设立市级护理员培训基地，开展技能大赛';
const m2 = '市级财政和旗县区财政分别对本级的养老托育项目给予建设和运营补贴';

export const CF_TARGETS: LedgerTarget[] = [
  {
    id: 'cf.talent.base', category: '重大要素', element: '1 人才培养', ...P, measures: m1,
    target: '培育一批产教融合型养老托育服务企业和实训基地，推行“职业培训包”和“工学一体化”培训模式', comparison: 'done',
    responsible: r1, clause: '1 预期目标 1', quote: '培育一批产教融合型养老托育服务企业和实训基地',
  },
  {
    id: 'cf.talent.heads', category: '重大要素', element: '1 人才培养', ...P, cumulative: true, measures: m1,
    target: '到2025年累计培训养老院院长750人次以上', number: 750, unit: '人次', comparison: 'atLeast',
    responsible: r1, clause: '1 预期目标 2', quote: '到2025年全市累计培训养老院院长750人次以上',
  },
  {
    id: 'cf.talent.carers', category: '重大要素', element: '1 人才培养', ...P, cumulative: true, measures: m1,
    target: '到2025年累计培训养老护理员2500人次以上', number: 2500, unit: '人次', comparison: 'atLeast',
    responsible: r1, clause: '1 预期目标 2', quote: '养老护理员2500人次以上',
  },
  {
    id: 'cf.talent.childcare', category: '重大要素', element: '1 人才培养', ...P, cumulative: true, measures: m1,
    target: '到2025年累计培训托育从业人员3000人次以上', number: 3000, unit: '人次', comparison: 'atLeast',
    responsible: r1, clause: '1 预期目标 2', quote: '托育从业人员3000人次以上',
  },
  {
    id: 'cf.talent.tasks', category: '重大要素', element: '1 人才培养', ...P, measures: m1,
    target: '全面完成国家和自治区下达的培训任务', comparison: 'done',
    responsible: r1, clause: '1 预期目标 3', quote: '全面完成国家和自治区下达的培训任务。',
  },
  {
    id: 'cf.funds.beds', category: '重大要素', element: '2 财政支持', ...P, measures: m2,
    target: '新建普惠性养老机构一次性建设补助：新建每床3000元、改造2000元、租赁5年以上1000元（按标准兑现）', comparison: 'done',
    responsible: r2, clause: '2 预期目标 1', quote: '对于新建的普惠性养老机构，根据备案情况给予一次性建设补助',
    note: '补助标准另作为情景成本规则（cf.subsidy.beds）计算。',
  },
  {
    id: 'cf.funds.places', category: '重大要素', element: '2 财政支持', ...P, measures: m2,
    target: '新建普惠性托育机构一次性建设补助：城市新建每托位2500元、农村1500元，改扩建1500 / 500元（按标准兑现）', comparison: 'done',
    responsible: r2, clause: '2 预期目标 2', quote: '对于新建的普惠性托育机构，根据备案情况给予一次性建设补助',
    note: '补助标准另作为情景成本规则（cf.subsidy.places）计算。',
  },
  {
    id: 'cf.funds.operating', category: '重大要素', element: '2 财政支持', ...P, measures: m2,
    target: '按实际入住人数给予每人每月100元运营补贴（按标准兑现）', comparison: 'done',
    responsible: r2, clause: '2 预期目标 3', quote: '按照实际入住人数，给予每人每月100元的养老托育机构运营补贴。',
  },
  {
    id: 'cf.site.since2013', category: '重大要素', element: '3 场地支持', ...P,
    measures: '年度建设用地供应计划保障用地；需求大的地区提高用地比例；利用存量房屋建设养老托育设施',
    target: '补齐2013年以来新建小区人均用地不足0.1平方米的缺口（达标小区占比）', number: 1, unit: '%', comparison: 'atLeast',
    responsible: r3, clause: '3 预期目标 1', quote: '补齐2013年以来新建小区社区养老服务设施人均用地不足0.1平方米的缺口。',
    note: '地图计算：2013年以来新建小区中小区内人均用地达标的比例。',
    link: { kind: 'share', rules: ['cf.land.since2013'], level: 'community' },
  },
  {
    id: 'cf.site.households', category: '重大要素', element: '3 场地支持', ...P,
    measures: '新建住宅小区配套养老托育服务设施四同步',
    target: '所有住宅小区按每百户不少于20平方米配套养老托育服务设施（达标小区占比）', number: 1, unit: '%', comparison: 'atLeast',
    responsible: r3, clause: '3 预期目标 2', quote: '所有住宅小区应当按照每百户不少于20平方米建筑面积的标准配套养老托育服务设施。',
    note: '地图计算：住宅小区中小区内配套面积达标的比例。',
    link: { kind: 'share', rules: ['cf.households'], level: 'community' },
  },
  {
    id: 'cf.finance', category: '重大要素', element: '4 投融资支持', ...P,
    measures: '银行机构灵活提供多种贷款产品；商业保险资金兴建养老托育社区和设施',
    target: '加大银行信贷、债券资金等对养老托育产业的支持力度', comparison: 'done',
    responsible: r2, clause: '4 预期目标', quote: '加大银行信贷、债券资金等对养老托育产业的支持力度',
  },
  {
    id: 'cf.market.approval', category: '重大要素', element: '5 培育市场主体', ...P,
    measures: '推进“放管服”改革，制定公布养老托育政务服务事项清单',
    target: '优化审批流程，同一事项无差别受理、同标准办理', comparison: 'done',
    responsible: '市民政局、卫生健康委、市场监管局、政务服务局，各旗县区人民政府', clause: '5 预期目标 1', quote: '优化养老托育机构项目审批流程，同一事项无差别受理、同标准办理。',
  },
  {
    id: 'cf.market.model', category: '重大要素', element: '5 培育市场主体', ...P, cumulative: true,
    measures: '推进“放管服”改革',
    target: '重点培育10—15家养老托育示范机构', number: 10, unit: '家', comparison: 'atLeast',
    responsible: '市民政局、卫生健康委、市场监管局、政务服务局，各旗县区人民政府', clause: '5 预期目标 2', quote: '重点培育10-15家功能齐全、管理规范、服务标准、运作优良的养老托育示范机构',
    note: '10—15家：至少10家为达到。',
  },
  {
    id: 'cf.social', category: '重大要素', element: '6 社会化投入', ...P,
    measures: '公办民营、民办公助推进医养结合示范机构和普惠托育项目；培训疗养资源转型',
    target: '集中解决党政机关和国有企事业单位培训疗养机构转型发展养老服务', comparison: 'done',
    responsible: '市民政局、卫生健康委、国资委、机关事务管理局，各旗县区人民政府', clause: '6 预期目标', quote: '集中解决党政机关和国有企事业单位培训疗养机构转型发展养老服务。',
  },
  {
    id: 'cf.insurance', category: '重大要素', element: '7 保险保障', ...P,
    measures: '制定长期护理保险基本保障项目清单，家庭养老病床纳入医保报销；开发责任险和运营保险',
    target: '老年人意外伤害险和养老机构责任险制度全覆盖，研究建立长期护理保险制度', comparison: 'done',
    responsible: '市民政局、卫生健康委、医疗保障局，各旗县区人民政府', clause: '7 预期目标', quote: '保持老年人意外伤害险和养老机构责任险制度全覆盖，研究建立长期护理保险制度。',
  },
];
