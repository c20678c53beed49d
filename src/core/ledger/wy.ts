// 万源市促进养老托育服务健康发展实施方案（代拟稿）: the 2025 targets of 一、总体要求, the targets
// with a year in the text, and the 2022 task list (附件2, 15 items, each with its 责任单位).
// The 52 tasks of 附件1 (no number or year) are in tasks.ts.
import type { LedgerTarget } from './types';

const GOAL = '一、总体要求';
const LIST = '附件2 2022年任务清单';
const Y2025 = { from: 2021, due: 2025 };
const Y2022 = { from: 2022, due: 2022 };
/** 附件1 item 8/9: the elderly-care tasks are led by 市民政局; 附件1 item 10: childcare by 市卫健局 */
const civil = '市民政局牵头';
const health = '市卫健局牵头';

export const WY_TARGETS: LedgerTarget[] = [
  {
    id: 'wy.goal.places', category: GOAL, element: '托位', ...Y2025, measures: '',
    target: '全市每千人口拥有3岁以下婴幼儿托位数达到4.5个', number: 4.5, unit: '个/千人', comparison: 'atLeast',
    responsible: health, responsibleClause: '附件1 第10项', clause: '一', quote: '到2025年，全市每千人口拥有3岁以下婴幼儿托位数达到4.5个',
    link: { kind: 'result', rule: 'wy.city.places' },
  },
  {
    id: 'wy.goal.beds', category: GOAL, element: '养老床位', ...Y2025, measures: '',
    target: '全市养老床位达到3000张', number: 3000, unit: '张', comparison: 'atLeast',
    responsible: civil, responsibleClause: '附件1 第9项', clause: '一', quote: '全市养老床位达到3000张',
    link: { kind: 'result', rule: 'wy.city.beds' },
  },
  {
    id: 'wy.goal.nursing', category: GOAL, element: '护理型床位', ...Y2025, measures: '',
    target: '护理型养老床位占比达到55%以上', number: 0.55, unit: '%', comparison: 'atLeast',
    responsible: civil, responsibleClause: '附件1 第9项', clause: '一', quote: '护理型养老床位占比达到55%以上',
    link: { kind: 'result', rule: 'wy.nursing' },
  },
  {
    id: 'wy.circle', category: '二、健全服务体系', element: '（五）优化居家社区服务', ...Y2025,
    measures: '提升社区日间照料中心等养老服务设施功能',
    target: '构建居家社区15分钟养老服务圈（圈内居民占比）', number: 1, unit: '%', comparison: 'atLeast',
    responsible: '市民政局牵头，市财政局、市农业农村局等部门参加；相关乡镇（街道）人民政府负责。', responsibleClause: '附件1 第8项',
    clause: '二(五)', quote: '构建居家社区15分钟养老服务圈',
    link: { kind: 'result', rule: 'wy.circle' },
  },
  {
    id: 'wy.integrated', category: '四、丰富发展业态', element: '（十）深化医养有机结合', ...Y2022,
    measures: '推进医教养结合示范建设，组建医疗养老联合体',
    target: '新建一所“医教养”综合体', number: 1, unit: '所', comparison: 'atLeast',
    responsible: '市卫健局牵头，市民政局、市医保局参加；相关乡镇（街道）人民政府负责。', responsibleClause: '附件1 第17项',
    clause: '四(十)', quote: '2022年，万源市新建一所“医教养”综合体。',
  },
  {
    id: 'wy.list.plans', category: LIST, element: '1 规划编制', ...Y2022, measures: '',
    target: '制定“十四五”养老服务、托育服务发展规划和“一老一小”整体解决方案', comparison: 'done',
    responsible: '市民政局、市卫健委、市发改局、市财政局按职责分工负责。', clause: '附件2 第1项',
    quote: '制定全市“十四五”养老服务发展规划、“十四五”托育服务发展规划和“一老一小”整体解决方案。',
  },
  {
    id: 'wy.list.layout', category: LIST, element: '2 设施布局', ...Y2022, measures: '',
    target: '规划养老托育服务设施布局，明确用地位置及规模', comparison: 'done',
    responsible: '市自然资源局牵头，市住建局、市民政局、市卫健局按职责分工负责。', clause: '附件2 第2项',
    quote: '根据国土空间规划，规划养老托育服务设施建设布局，明确养老托育服务设施的用地位置及规模。',
  },
  {
    id: 'wy.list.hub', category: LIST, element: '3 社区养老服务综合体', ...Y2022, measures: '',
    target: '100%的街道至少建有1个社区养老服务综合体（达标街道占比）', number: 1, unit: '%', comparison: 'atLeast',
    responsible: '市民政局牵头，古东关街道办事处配合。', clause: '附件2 第3项', quote: '实现 100%的街道至少建有1个社区养老服务综合体。',
    link: { kind: 'share', rules: ['wy.street.hub'], level: 'street' },
  },
  {
    id: 'wy.list.upgrade', category: LIST, element: '4 养老机构', ...Y2022, measures: '',
    target: '改造提升养老机构1所', number: 1, unit: '所', comparison: 'atLeast',
    responsible: '市民政局负责。', clause: '附件2 第4项', quote: '改造提升养老机构1所',
  },
  {
    id: 'wy.list.home', category: LIST, element: '4 养老机构', ...Y2022, measures: '',
    target: '新建太平特困供养服务设施（敬老院）1个', number: 1, unit: '个', comparison: 'atLeast',
    responsible: '市民政局负责。', clause: '附件2 第4项', quote: '新建万源市太平特困供养服务设施（敬老院）1个',
  },
  {
    id: 'wy.list.beds', category: LIST, element: '4 养老机构', ...Y2022, measures: '',
    target: '新增床位300张', number: 300, unit: '张', comparison: 'atLeast',
    responsible: '市民政局负责。', clause: '附件2 第4项', quote: '新增床位300张',
  },
  {
    id: 'wy.list.childcare', category: LIST, element: '5 婴幼儿照护服务机构', ...Y2022, measures: '',
    target: '至少建成1个婴幼儿照护服务机构', number: 1, unit: '个', comparison: 'atLeast',
    responsible: '市卫健局牵头，市发改局、市民政局等有关部门（单位）参加。', clause: '附件2 第5项', quote: '万源市至少建成1个婴幼儿照护服务机构。',
    link: { kind: 'result', rule: 'wy.targets.2022:childcare' },
  },
  {
    id: 'wy.list.model', category: LIST, element: '6 示范性普惠养老机构', ...Y2022, measures: '',
    target: '认定一批示范性普惠养老机构', comparison: 'done',
    responsible: '市民政局牵头，市卫健局、市发改局、市财政局按职责分工负责。', clause: '附件2 第6项', quote: '认定一批示范性普惠养老机构。',
  },
  {
    id: 'wy.list.land', category: LIST, element: '7 用地保障', ...Y2022, measures: '',
    target: '在年度建设用地供应计划中保障养老托育用地需求', comparison: 'done',
    responsible: '市自然资源局牵头，市民政局、市卫健局、市住建局参加；各乡镇（街道）人民政府负责。', clause: '附件2 第7项', quote: '在年度建设用地供应计划中保障养老托育用地需求。',
  },
  {
    id: 'wy.list.stock', category: LIST, element: '8 存量房屋改造', ...Y2022, measures: '',
    target: '研究制定存量房屋和设施改造为养老托育设施的建设标准、指南和实施办法', comparison: 'done',
    responsible: '市民政局、市财政局、市自然资源局、市住建局、市发改局、市卫健局、市应急局按职责分工负责。', clause: '附件2 第8项',
    quote: '研究制定存量房屋和设施改造为养老托育设施的建设标准、指南和实施办法。',
  },
  {
    id: 'wy.list.newarea', category: LIST, element: '9 配套建设达标率', ...Y2022, measures: '',
    target: '新建城区、新建居住（小）区配套建设社区养老托育服务设施达标率达到80%', number: 0.8, unit: '%', comparison: 'atLeast',
    responsible: '市住建局牵头，市自然资源局、市民政局、市卫健局、市发改局、市财政局、按职责分工负责，各乡镇（街道）人民政府负责。', clause: '附件2 第9项',
    quote: '新建城区、新建居住（小）区规划配套建设社区养老托育服务设施达标率达到80%。',
    link: { kind: 'result', rule: 'wy.newarea.rate' },
  },
  {
    id: 'wy.list.fundsElderly', category: LIST, element: '10 养老托育发展资金', from: 2022, due: 2025, annual: true, measures: '纳入年度财政预算予以保障',
    target: '养老发展资金每年至少2000万元', number: 2000, unit: '万元', comparison: 'atLeast',
    responsible: '市财政局牵头，市民政局、市卫健局按职责分工负责。', clause: '附件2 第10项', quote: '养老发展资金每年至少2000万元',
    link: { kind: 'result', rule: 'wy.budget:elderly', scale: 1e-4 },
  },
  {
    id: 'wy.list.fundsChildcare', category: LIST, element: '10 养老托育发展资金', from: 2022, due: 2025, annual: true, measures: '纳入年度财政预算予以保障',
    target: '托育发展资金每年至少1000万元', number: 1000, unit: '万元', comparison: 'atLeast',
    responsible: '市财政局牵头，市民政局、市卫健局按职责分工负责。', clause: '附件2 第10项', quote: '托育发展资金每年至少1000万元',
    link: { kind: 'result', rule: 'wy.budget:childcare', scale: 1e-4 },
  },
  {
    id: 'wy.list.lottery', category: LIST, element: '10 养老托育发展资金', from: 2022, due: 2025, annual: true, measures: '自2022年起（二(十五)）',
    target: '社会福利事业的彩票公益金不低于55%用于养老服务发展', number: 0.55, unit: '%', comparison: 'atLeast',
    responsible: '市财政局牵头，市民政局、市卫健局按职责分工负责。', clause: '附件2 第10项', quote: '社会福利事业的彩票公益金不低于55%用于养老服务发展',
    link: { kind: 'result', rule: 'wy.budget:lottery' },
  },
  {
    id: 'wy.list.training', category: LIST, element: '11 养老托育培训', ...Y2022, measures: '持续开展全市养老托育培训，举办职业技能竞赛',
    target: '培训养老托育人员600人次', number: 600, unit: '人次', comparison: 'atLeast',
    responsible: '市人社局牵头，市民政局、市卫健局、市发改局、市财政局按职责分工负责。', clause: '附件2 第11项', quote: '培训养老托育人员 600人次',
  },
  {
    id: 'wy.list.allowance', category: LIST, element: '12 特殊岗位补贴', ...Y2022, measures: '',
    target: '制定养老护理员特殊岗位补贴制度', comparison: 'done',
    responsible: '市民政局、市财政局按职责分工负责。', clause: '附件2 第12项', quote: '制定养老护理员特殊岗位补贴制度。',
  },
  {
    id: 'wy.list.guide', category: LIST, element: '13 办事指南', ...Y2022, measures: '',
    target: '完善机构设立办事指南，制定政务服务事项清单', comparison: 'done',
    responsible: '市民政局、市卫健局、市市管局按职责分工负责。', clause: '附件2 第13项', quote: '完善养老托育服务机构设立办事指南，制定养老托育政务服务事项清单。',
  },
  {
    id: 'wy.list.demo', category: LIST, element: '14 示范性婴幼儿照护服务机构', ...Y2022, measures: '',
    target: '建成1个示范性婴幼儿照护服务机构', number: 1, unit: '个', comparison: 'atLeast',
    responsible: '市卫健局牵头，市发改局、市民政局、市经信局等有关部门（单位）按职责分工负责。', clause: '附件2 第14项',
    quote: '建成1个具有带动效应、承担一定指导功能的示范性婴幼儿照护服务机构。',
  },
  {
    id: 'wy.list.quota', category: LIST, element: '15 建设指标', ...Y2022, measures: '',
    target: '制定每年养老、托育建设指标', comparison: 'done',
    responsible: '市发改局、市民政局、市卫健局牵头，有关部门（单位） 参加。', clause: '附件2 第15项', quote: '制定万源市每年养老、托育建设指标。',
  },
];
