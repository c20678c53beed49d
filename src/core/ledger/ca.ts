// 西安市长安区推进“一老一小”工作实施方案（征求意见稿）: the targets of 一、发展目标 (2023 and
// 2025, 养老方面 and 托育方面) and the numbered targets of the tasks 4, 5, 6, 13 and 21, each task
// with its (责任单位：…). A 发展目标 restated in a task takes that task's departments; the others
// take the lead departments of 四(一).
import type { LedgerTarget } from './types';

const G23 = '一、发展目标·2023年';
const OLD = '一、发展目标·养老方面';
const KID = '一、发展目标·托育方面';
const TASK = '二、重点任务';
const Y23 = { from: 2023, due: 2023 };
const P = { from: 2021, due: 2025 };
const civil = '民政部门牵头负责“一老”工作';
const health = '卫生健康部门牵头负责“一小”工作';
const r3 = '(责任单位:区民政局、区卫生健康局、资源规划长安分局,各街办)';
const r4 = '(责任单位:区民政局、区卫生健康局、区发改委、资源规划长安分局、区财政局,各街办)';
const r5 = '(责任单位:资源规划长安分局、区民政局、区卫生健康局、区教育局、区住建局,各街办)';
const r6 = '(责任单位:区民政局、区卫生健康局,各街办)';
const r12 = '(责任单位:区教育局、区民政局、区卫生健康局,各街办)';
const r13 = '(责任单位:区卫生健康局、区医疗保障局、区民政局、区财政局、区残联,各街办)';
const r22 = '(责任单位:区财政局、区民政局、区卫生健康局、区发改委,各街办)';

export const CA_TARGETS: LedgerTarget[] = [
  {
    id: 'ca.goal.beds2023', category: G23, element: '养老床位', ...Y23, measures: '',
    target: '全区建成养老床位不少于5000张', number: 5000, unit: '张', comparison: 'atLeast',
    responsible: civil, responsibleClause: '四(一)', clause: '一', quote: '2023年,全区建成养老床位不少于5000张',
    link: { kind: 'result', rule: 'ca.targets.2023:beds' },
  },
  {
    id: 'ca.goal.places2023', category: G23, element: '托位', ...Y23, measures: '',
    target: '新增托位645个', number: 645, unit: '个', comparison: 'atLeast',
    responsible: health, responsibleClause: '四(一)', clause: '一', quote: '新增托位645个',
    link: { kind: 'result', rule: 'ca.targets.2023:places' },
  },
  {
    id: 'ca.goal.urban', category: OLD, element: '城市社区养老服务设施', ...P, measures: '',
    target: '城市社区养老服务设施覆盖率达到90%以上', number: 0.9, unit: '%', comparison: 'atLeast',
    responsible: r3, responsibleClause: '二(一)3', clause: '一', quote: '城市社区养老服务设施覆盖率达到90%以上',
    link: { kind: 'result', rule: 'ca.coverage.urban' },
  },
  {
    id: 'ca.goal.town', category: OLD, element: '镇(街道)综合养老服务中心', ...P, measures: '',
    target: '镇(街道)综合养老服务中心覆盖率达到70%以上', number: 0.7, unit: '%', comparison: 'atLeast',
    responsible: r3, responsibleClause: '二(一)3', clause: '一', quote: '镇(街道)综合养老服务中心覆盖率达到70%以上',
    link: { kind: 'result', rule: 'ca.coverage.town' },
  },
  {
    id: 'ca.goal.rural', category: OLD, element: '农村养老服务设施', ...P, measures: '',
    target: '农村养老服务设施覆盖率达到80%以上', number: 0.8, unit: '%', comparison: 'atLeast',
    responsible: r3, responsibleClause: '二(一)3', clause: '一', quote: '农村养老服务设施覆盖率达到80%以上',
    link: { kind: 'result', rule: 'ca.coverage.rural' },
  },
  {
    id: 'ca.goal.nursing', category: OLD, element: '护理型床位', ...P, measures: '',
    target: '养老机构护理型床位占比不低于60%', number: 0.6, unit: '%', comparison: 'atLeast',
    responsible: r6, responsibleClause: '二(二)6', clause: '一', quote: '养老机构护理型床位占比不低于60%',
    link: { kind: 'result', rule: 'ca.nursing:area' },
  },
  {
    id: 'ca.goal.pension', category: OLD, element: '基本养老保险', ...P, measures: '',
    target: '基本养老保险参保率不低于95%', number: 0.95, unit: '%', comparison: 'atLeast',
    responsible: civil, responsibleClause: '四(一)', clause: '一', quote: '基本养老保险参保率不低于95%',
  },
  {
    id: 'ca.goal.medicalInsurance', category: OLD, element: '医疗保险', ...P, measures: '',
    target: '医疗保险参保率达到95%以上', number: 0.95, unit: '%', comparison: 'atLeast',
    responsible: civil, responsibleClause: '四(一)', clause: '一', quote: '医疗保险参保率达到95%以上',
  },
  {
    id: 'ca.goal.visits', category: OLD, element: '特殊困难老年人探访', ...P, measures: '',
    target: '特殊困难老年人月探访率达到100%', number: 1, unit: '%', comparison: 'atLeast',
    responsible: civil, responsibleClause: '四(一)', clause: '一', quote: '特殊困难老年人月探访率达到100%',
  },
  {
    id: 'ca.goal.elderHealth', category: OLD, element: '老年人健康管理', ...P, measures: '',
    target: '老年人健康管理率达到95%', number: 0.95, unit: '%', comparison: 'atLeast',
    responsible: civil, responsibleClause: '四(一)', clause: '一', quote: '老年人健康管理率达到95%',
  },
  {
    id: 'ca.goal.elderSchools', category: OLD, element: '老年学校', ...P, measures: '完善“区、街道、社区(村)”三级老年教育学习网络（二(三)12）',
    target: '建有老年学校的街道比例达到30%', number: 0.3, unit: '%', comparison: 'atLeast',
    responsible: r12, responsibleClause: '二(三)12', clause: '一', quote: '建有老年学校的街道比例达到30%',
  },
  {
    id: 'ca.goal.lottery', category: OLD, element: '福彩公益金', ...P, annual: true, measures: '统筹一般公共预算、彩票公益金等各类政府投入（三22）',
    target: '本级福彩公益金留成用于支持发展养老服务比例不低于55%', number: 0.55, unit: '%', comparison: 'atLeast',
    responsible: r22, responsibleClause: '三22', clause: '一', quote: '本级福彩公益金留成用于支持发展养老服务比例不低于55%',
    link: { kind: 'result', rule: 'ca.lottery' },
  },
  {
    id: 'ca.goal.publicChildcare', category: KID, element: '公办托育机构', ...P, measures: '',
    target: '至少建成1所公办或公建民营托育机构', number: 1, unit: '所', comparison: 'atLeast',
    responsible: health, responsibleClause: '四(一)', clause: '一', quote: '至少建成1所公办或公建民营托育机构',
    link: { kind: 'result', rule: 'ca.targets.2025:public' },
  },
  {
    id: 'ca.goal.places', category: KID, element: '托位', ...P, measures: '',
    target: '每千人口拥有3岁以下婴幼儿托位4.8个', number: 4.8, unit: '个/千人', comparison: 'atLeast',
    responsible: health, responsibleClause: '四(一)', clause: '一', quote: '每千人口拥有3岁以下婴幼儿托位4.8个',
    link: { kind: 'result', rule: 'ca.city.places' },
  },
  {
    id: 'ca.goal.starred', category: KID, element: '星级示范机构', ...P, measures: '',
    target: '全区建成婴幼儿照护星级示范机构10所', number: 10, unit: '所', comparison: 'atLeast',
    responsible: health, responsibleClause: '四(一)', clause: '一', quote: '全区建成婴幼儿照护星级示范机构10所',
  },
  {
    id: 'ca.goal.inclusive', category: KID, element: '普惠托育机构', ...P, measures: '',
    target: '普惠托育服务机构2所', number: 2, unit: '所', comparison: 'atLeast',
    responsible: health, responsibleClause: '四(一)', clause: '一', quote: '普惠托育服务机构2所',
    link: { kind: 'result', rule: 'ca.targets.2025:inclusive' },
  },
  {
    id: 'ca.goal.earlyDev', category: KID, element: '早期发展知识普及', ...P, measures: '',
    target: '婴幼儿早期发展知识普及率达95%以上', number: 0.95, unit: '%', comparison: 'atLeast',
    responsible: health, responsibleClause: '四(一)', clause: '一', quote: '婴幼儿早期发展知识普及率达95%以上',
  },
  {
    id: 'ca.goal.childHealth', category: KID, element: '婴幼儿健康管理', ...P, measures: '',
    target: '婴幼儿健康管理率不低于98%', number: 0.98, unit: '%', comparison: 'atLeast',
    responsible: health, responsibleClause: '四(一)', clause: '一', quote: '婴幼儿健康管理率不低于98%',
  },
  {
    id: 'ca.goal.vaccination', category: KID, element: '免疫规划疫苗接种', ...P, measures: '',
    target: '以街道为单位适龄儿童免疫规划疫苗接种率达到95%以上', number: 0.95, unit: '%', comparison: 'atLeast',
    responsible: health, responsibleClause: '四(一)', clause: '一', quote: '以街道为单位适龄儿童免疫规划疫苗接种率达到95%以上',
  },
  {
    id: 'ca.goal.parenting', category: KID, element: '科学育儿指导', ...P, measures: '',
    target: '家长和看护人员接受科学育儿指导率达到95%以上', number: 0.95, unit: '%', comparison: 'atLeast',
    responsible: health, responsibleClause: '四(一)', clause: '一', quote: '家长和看护人员接受科学育儿指导率达到95%以上',
  },
  {
    id: 'ca.goal.specialCare', category: KID, element: '重点幼儿照护指导', ...P, measures: '',
    target: '伤残病等重点幼儿接受照护指导率达到98%以上', number: 0.98, unit: '%', comparison: 'atLeast',
    responsible: health, responsibleClause: '四(一)', clause: '一', quote: '伤残病等重点幼儿接受照护指导率达到98%以上',
  },
  {
    id: 'ca.task.modelHome', category: TASK, element: '4.提高保基本兜底线能力', from: 2021, due: 2023, measures: '公办养老托育机构建设和提升改造纳入重点项目',
    target: '建成（运营）1所公办示范性养老院', number: 1, unit: '所', comparison: 'atLeast',
    responsible: r4, clause: '二(二)4', quote: '到2023年,建成(运营)1所公办示范性养老院',
  },
  {
    id: 'ca.task.publicBeds', category: TASK, element: '4.提高保基本兜底线能力', ...P, measures: '',
    target: '公办养老机构床位数达到本辖区老年人口的1%', number: 0.01, unit: '%', comparison: 'atLeast',
    responsible: r4, clause: '二(二)4', quote: '力争“十四五”末公办养老机构床位数达到本辖区老年人口的1%',
    link: { kind: 'result', rule: 'ca.public.beds' },
  },
  {
    id: 'ca.task.configured', category: TASK, element: '5.强化社区设施配套', ...P, measures: '每个社区配建300平方米养老服务机构和200平方米托育机构；新建住宅小区每百户不低于20平方米',
    target: '社区养老托育服务设施配建达标率达到100%', number: 1, unit: '%', comparison: 'atLeast',
    responsible: r5, clause: '二(二)5', quote: '到2025年,社区养老托育服务设施配建达标率达到100%',
    note: '地图计算：城镇社区中养老（300平方米）、托育（200平方米）配建和新建小区每百户20平方米各项均达标的比例。',
    link: { kind: 'share', rules: ['ca.community.min:elderly', 'ca.community.min:childcare', 'ca.households'], level: 'community' },
  },
  {
    id: 'ca.task.kindergarten', category: TASK, element: '5.强化社区设施配套', ...P, measures: '鼓励依托幼儿园建设托育服务设施',
    target: '每个街道至少有一所幼儿园下延开设托班（达标街道占比）', number: 1, unit: '%', comparison: 'atLeast',
    responsible: r5, clause: '二(二)5', quote: '每个街道至少有一所幼儿园下延开设托班',
    link: { kind: 'share', rules: ['ca.street.kindergarten'], level: 'street' },
  },
  {
    id: 'ca.task.homes', category: TASK, element: '6.补齐农村设施短板', ...P, measures: '对敬老院全面改造升级，开辟失能照护单元，增设护理型床位',
    target: '全区2所敬老院改造提升基本达标', number: 2, unit: '所', comparison: 'atLeast',
    responsible: r6, clause: '二(二)6', quote: '全区2所敬老院改造提升基本达标',
  },
  {
    id: 'ca.task.homesNursing', category: TASK, element: '6.补齐农村设施短板', ...P, measures: '',
    target: '每所敬老院护理型床位数占比达到60%（达标敬老院占比）', number: 1, unit: '%', comparison: 'atLeast',
    responsible: r6, clause: '二(二)6', quote: '每所敬老院护理型床位数占比达到60%',
    link: { kind: 'share', rules: ['ca.nursing:township'], level: 'facility' },
  },
  {
    id: 'ca.task.geriatrics', category: TASK, element: '13.深化医养医育有机结合', ...P, measures: '支持组建区域医养联合体，推进长期护理保险制度试点',
    target: '二级及以上综合性医院设立老年学科的比例达到60%以上', number: 0.6, unit: '%', comparison: 'atLeast',
    responsible: r13, clause: '二(五)13', quote: '二级及以上综合性医院设立老年学科的比例达到60%以上',
  },
  {
    id: 'ca.task.primaryNursing', category: TASK, element: '13.深化医养医育有机结合', ...P, measures: '',
    target: '基层医疗卫生机构护理床位占比达到40%以上', number: 0.4, unit: '%', comparison: 'atLeast',
    responsible: r13, clause: '二(五)13', quote: '基层医疗卫生机构护理床位占比达到40%以上',
  },
  {
    id: 'ca.support.land', category: '三、支持政策', element: '21.强化用地保障', ...P, measures: '年度建设用地供应计划优先保障养老托育用地',
    target: '养老服务设施人均用地0.1—0.3平方米', number: 0.1, unit: '平方米/人', comparison: 'atLeast',
    responsible: '(责任单位:资源规划分局、区民政局、区卫生健康局,各街办)', clause: '三21', quote: '按照人均用地0.1—0.3平方米的国家标准,分区分级规划设置养老服务设施',
    link: { kind: 'result', rule: 'ca.land' },
  },
];
