// 安康市“一老一小”重大要素清单（附件6）: three kinds of elements (经费、人才、场地), each with its
// measures, expected target and responsible departments. The period is the 14th five-year plan.
import type { LedgerTarget } from './types';

const P = { from: 2021, due: 2025 };
const funds1 = '市发改委、市财政局、市民政局、市卫健委，各县（市、区）人民政府分工负责。';
const funds2 = '市财政局、市民政局、市卫健委、市发改委，各县（市、区）人民政府按职责分工负责。';
const talent1 = '市人社局、市民政局、市教体局，各县（市、区）人民政府按职责分工负责';
const site1 = '市财政局、市自然资源局、市住建局、市民政局、各县（市、区）人民政府按职责分工负责';
const operated = '十四五期间，有经费保障兜底、普惠养老托育服务有效运行并完成建设目标。';

export const AK_TARGETS: LedgerTarget[] = [
  {
    id: 'ak.funds.central', category: '经费要素', element: '1.争取中省资金支持', ...P,
    measures: '策划包装一批养老托育项目,积极争取中央和省级资金支持',
    target: '有经费保障兜底、普惠养老托育服务有效运行并完成建设目标', comparison: 'done',
    responsible: funds1, clause: '经费要素 1', quote: operated,
  },
  {
    id: 'ak.funds.city', category: '经费要素', element: '2.市财政专项养老托育支持资金', ...P, annual: true,
    measures: '市财政每年拿出专项资金支持养老、托育事业发展',
    target: '市财政每年拿出1500万元', number: 1500, unit: '万元', comparison: 'atLeast',
    responsible: funds2, clause: '经费要素 2', quote: '市财政每年拿出1500万元支持养老、托育事业发展',
    link: { kind: 'result', rule: 'ak.budget:total', scale: 1e-4 },
  },
  {
    id: 'ak.funds.lottery', category: '经费要素', element: '2.市财政专项养老托育支持资金', ...P, annual: true,
    measures: '每年补贴养老服务事业的福利彩票公益金',
    target: '福利彩票公益金用于养老服务不低于60%', number: 0.6, unit: '%', comparison: 'atLeast',
    responsible: funds2, clause: '经费要素 2', quote: '每年补贴养老服务事业的福利彩票公益金不低于60%',
    link: { kind: 'result', rule: 'ak.budget:lottery' },
  },
  {
    id: 'ak.funds.tax', category: '经费要素', element: '3.减税降费', ...P,
    measures: '落实税收优惠、收费减免和建设补助、运营补贴；用水、用电、用气按居民生活类价格收费',
    target: '减税降费力保兜底、普惠养老托育服务有效运行和完成建设目标', comparison: 'done',
    responsible: '市税务局、市财政局、市发改委、市民政局、市卫健委，各县（市、区）人民政府按职责分工负责。',
    clause: '经费要素 3', quote: '减税降费力保兜底、普惠养老托育服务有效运行和完成建设目标。',
  },
  {
    id: 'ak.funds.credit', category: '经费要素', element: '4.放宽信贷政策', ...P,
    measures: '开发养老托育特色信贷产品，探索优惠利率；支持专项债券融资，担保增信',
    target: '为养老、托育服务机构建立融资平台', comparison: 'done',
    responsible: '人行安康市中心支行、安康银保监分局、市民政局、市卫健委按职责分工负责。',
    clause: '经费要素 4', quote: '积极为养老、托育服务机构建立融资平台，破解发展资金不足、融资能力不强的问题。',
  },
  {
    id: 'ak.talent.elderly', category: '人才要素', element: '1.养老托育人员技能提升专项行动计划', ...P, cumulative: true,
    measures: '技能提升专项行动计划和“1+X”证书试点；建立县、镇（街道）、社区三级人才队伍；岗前和职业技能提升培训',
    target: '培训养老从业人员5000人次', number: 5000, unit: '人次', comparison: 'atLeast',
    responsible: talent1, clause: '人才要素 1', quote: '培训养老、托育从业人员各5000人次',
  },
  {
    id: 'ak.talent.childcare', category: '人才要素', element: '1.养老托育人员技能提升专项行动计划', ...P, cumulative: true,
    measures: '技能提升专项行动计划和“1+X”证书试点；岗前和职业技能提升培训',
    target: '培训托育从业人员5000人次', number: 5000, unit: '人次', comparison: 'atLeast',
    responsible: talent1, clause: '人才要素 1', quote: '培训养老、托育从业人员各5000人次',
  },
  {
    id: 'ak.talent.rate', category: '人才要素', element: '1.养老托育人员技能提升专项行动计划', ...P,
    measures: '健全从业人员岗前技能培训和职业技能提升培训制度',
    target: '养老托育从业人员培训率达100%', number: 1, unit: '%', comparison: 'atLeast',
    responsible: talent1, clause: '人才要素 1', quote: '养老托育从业人员培训率达100%',
  },
  {
    id: 'ak.talent.heads', category: '人才要素', element: '1.养老托育人员技能提升专项行动计划', ...P, cumulative: true,
    measures: '支持社会培训机构与企业合作，开展企业管理、领导能力提升培训',
    target: '培训养老机构、托育机构负责人150人左右', number: 150, unit: '人', comparison: 'atLeast',
    responsible: talent1, clause: '人才要素 1', quote: '培训养老机构、托育机构负责人150人左右',
    note: '“左右”：按达到150人评价。',
  },
  {
    id: 'ak.talent.exchange', category: '人才要素', element: '2.养老托育人才培养国际交流项目', ...P,
    measures: '养老托育人才培养国际交流，培养和储备专业人才',
    target: '开展养老托育人才培养的国际交流与合作', comparison: 'done',
    responsible: '市教体局、市民政局、市卫健委、市人社局按职责分工负责。', clause: '人才要素 2', quote: '开展养老托育人才培养的国际交流与合作。',
  },
  {
    id: 'ak.talent.college', category: '人才要素', element: '3.康养产业学院建设项目', ...P, annual: true,
    measures: '在安康职业技术学院内与地方行业企业共建康养产业学院',
    target: '年培养养老和托育学历教育1000人', number: 1000, unit: '人/年', comparison: 'atLeast',
    responsible: '市民政局、市教体局、市卫健委，安康职业技术学院按职责分工负责', clause: '人才要素 3', quote: '年培养养老和托育学历教育1000人/年',
  },
  {
    id: 'ak.site.new', category: '场地要素', element: '1.充分保障养老托育服务用地用房', ...P,
    measures: '新建居住小区每千人口不少于0.1平方米养老用房、不少于10个托位托育用房；配套养老服务设施专项治理',
    target: '新建小区按照标准建设（达标新建小区占比）', number: 1, unit: '%', comparison: 'atLeast',
    responsible: site1, clause: '场地要素 1', quote: '新建小区按照标准建设',
    note: '地图计算：新建小区中小区内养老用房与托位两项均达标的比例。',
    link: { kind: 'share', rules: ['ak.new.floor', 'ak.new.places'], level: 'community' },
  },
  {
    id: 'ak.site.old', category: '场地要素', element: '1.充分保障养老托育服务用地用房', ...P,
    measures: '老城区和已建成居住小区通过购买、置换、租赁等方式配置养老服务设施',
    target: '老旧城区、已建成居住（小）区基本完成整改', comparison: 'done',
    responsible: site1, clause: '场地要素 1', quote: '老旧城区、已建成居住（小）区基本完成整改。',
  },
  {
    id: 'ak.site.showroom', category: '场地要素', element: '2.安康养老托育用品展示中心', ...P,
    measures: '在高新区建设养老托育用品展示中心，带动本土富硒老年食品等产品研发生产',
    target: '展示中心用品覆盖养老托育辅具及设施', comparison: 'done',
    responsible: '市工信局、市富硒办、市卫健委、市市场监管局、市民政局，各县（市、区）人民政府按职责分工负责',
    clause: '场地要素 2', quote: '展示中心用品覆盖养老托育辅具及设施，满足老年人和婴幼儿应用需求。',
  },
  {
    id: 'ak.site.training', category: '场地要素', element: '3.秦巴区域职教实训基地', ...P,
    measures: '项目跟进并运行，开展康养、医养、托育等专业人才培养和技能培训',
    target: '做好人力资源支撑作用', comparison: 'done',
    responsible: '市发改委、市教体局、市卫健委、市民政局，安康职业技术学院按职责分工负责',
    clause: '场地要素 3', quote: '为服务西北生态经济强市建设和绿色崛起做好人力资源支撑作用。',
  },
];
