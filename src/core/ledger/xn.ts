// 咸宁市“十四五”促进养老托育服务健康发展实施方案（送审稿）: the 2025 targets of 二、发展目标
// (整体目标, 具体指标) and the numbered targets of the tasks in 三 and 四, each task with its
// 牵头单位 and 责任单位. A 具体指标 restated in a task takes that task's departments.
import type { LedgerTarget } from './types';

const WHOLE = '二、发展目标·整体目标';
const OLD = '二、发展目标·养老方面';
const KID = '二、发展目标·托育方面';
const P = { from: 2021, due: 2025 };
const r54 = '（牵头单位：市民政局，责任单位：市发改委、市卫生健康委、市应急管理局、咸宁高新区、各县市区人民政府）';
const r61 = '（牵头单位：市人社局，责任单位：市民政局、咸宁高新区、各县市区人民政府）';
const r63 = '（牵头单位：市民政局、市卫健委，责任单位：市总工会、市妇联、市科技局、咸宁高新区、各县市区人民政府）';
const r65 = '（牵头单位：市民政局，责任单位：市国资委、市住建委、市自然资源和规划局、咸宁高新区、各县市区人民政府）';
const r66 = '（牵头单位：市发改委，责任单位：市民政局、市人社局、人民银行咸宁分行、市国资委、咸宁高新区、各县市区人民政府）';
const r67 = '（牵头单位：市卫健委、市民政局，责任单位：市应急管理局、咸宁高新区、各县市区人民政府）';
const r68 = '（牵头单位：市教育局，责任单位：市卫健委、市民政局、市市场监管局、市文旅局、市体育事业发展中心、咸宁高新区、各县市区人民政府）';
const r71 = '（牵头单位：市卫健委，责任单位：市人社局、市医保局、市妇联、咸宁高新区、各县市区人民政府）';
const r72 = '（牵头单位：市卫健委，责任单位：市人社局、市妇联、咸宁高新区、各县市区人民政府）';
const r12 = '（牵头单位：市财政局、市民政局，责任单位：市税务局、市人社局、市卫健委、市发改委、咸宁高新区、各县市区人民政府）';
const r13 = '（牵头单位：市人社局，责任单位：市教育局、湖北科技学院、咸宁职业技术学院、咸宁高新区、各县市区人民政府）';
const r9 = '（牵头单位：市发改委，责任单位：工作领导小组成员单位）';

export const XN_TARGETS: LedgerTarget[] = [
  {
    id: 'xn.goal.nurses', category: WHOLE, element: '大健康产业“三个一”', ...P, cumulative: true, measures: '',
    target: '培养10万名专业护理人员', number: 100_000, unit: '名', comparison: 'atLeast',
    responsible: r68, responsibleClause: '三(六)8', clause: '二(三)', quote: '到2025年，培养10万名专业护理人员',
  },
  {
    id: 'xn.goal.served', category: WHOLE, element: '大健康产业“三个一”', ...P, cumulative: true, measures: '',
    target: '服务100万康养人员', number: 1_000_000, unit: '人', comparison: 'atLeast',
    responsible: r68, responsibleClause: '三(六)8', clause: '二(三)', quote: '服务100万康养人员',
  },
  {
    id: 'xn.goal.output', category: WHOLE, element: '大健康产业“三个一”', ...P, measures: '',
    target: '实现1000亿大健康产业产值', number: 1000, unit: '亿元', comparison: 'atLeast',
    responsible: r68, responsibleClause: '三(六)8', clause: '二(三)', quote: '实现1000亿大健康产业产值',
  },
  {
    id: 'xn.goal.nursing', category: OLD, element: '护理型床位', ...P, measures: '加大康复护理床位的建设和扶持力度',
    target: '养老机构护理型床位占比达到60%', number: 0.6, unit: '%', comparison: 'atLeast',
    responsible: r65, responsibleClause: '三(六)5', clause: '二(四)', quote: '养老机构护理型床位占比达到60%',
    link: { kind: 'result', rule: 'xn.nursing' },
  },
  {
    id: 'xn.goal.newarea', category: OLD, element: '新建区配套', ...P, measures: '落实新建小区“四同步”配建政策（四(十)）',
    target: '新建城区和新建居住区配套建设养老服务设施达标率达到100%', number: 1, unit: '%', comparison: 'atLeast',
    responsible: r63, responsibleClause: '三(六)3', clause: '二(四)', quote: '新建城区和新建居住区配套建设养老服务设施达标率达到100%',
    link: { kind: 'result', rule: 'xn.newarea' },
  },
  {
    id: 'xn.goal.homeCover', category: OLD, element: '居家社区养老服务设施', ...P, measures: '',
    target: '居家社区养老服务设施覆盖率达到100%', number: 1, unit: '%', comparison: 'atLeast',
    responsible: r63, responsibleClause: '三(六)3', clause: '二(四)', quote: '居家社区养老服务设施覆盖率达到100%',
    link: { kind: 'result', rule: 'xn.home.cover' },
  },
  {
    id: 'xn.goal.collective', category: OLD, element: '特困人员集中供养', ...P, measures: '确保有意愿入住的特困人员全部实现集中供养（三(五)4）',
    target: '失能特困人员集中供养率达到60%', number: 0.6, unit: '%', comparison: 'atLeast',
    responsible: r54, responsibleClause: '三(五)4', clause: '二(四)', quote: '失能特困人员集中供养率达到60%',
  },
  {
    id: 'xn.goal.visits', category: OLD, element: '特殊困难老年人探访', ...P, measures: '健全定期巡访机制',
    target: '特殊困难老年人月探访率达到100%', number: 1, unit: '%', comparison: 'atLeast',
    responsible: r54, responsibleClause: '三(五)4', clause: '二(四)', quote: '特殊困难老年人月探访率达到100%',
  },
  {
    id: 'xn.goal.adapt', category: OLD, element: '适老化改造', ...P, measures: '实施老年人居家适老化改造（三(六)3）',
    target: '特殊困难老年人家庭适老化改造达到100%', number: 1, unit: '%', comparison: 'atLeast',
    responsible: r63, responsibleClause: '三(六)3', clause: '二(四)', quote: '特殊困难老年人家庭适老化改造达到100%',
  },
  {
    id: 'xn.goal.lottery', category: OLD, element: '福彩公益金', ...P, annual: true, measures: '彩票公益金用于支持发展养老服务的比例应不低于55%（四(十二)）',
    target: '财政（福彩公益金）投入比率达到55%', number: 0.55, unit: '%', comparison: 'atLeast',
    responsible: r12, responsibleClause: '四(十二)', clause: '二(四)', quote: '财政（福彩公益金）投入比率达到55%',
    link: { kind: 'result', rule: 'xn.lottery' },
  },
  {
    id: 'xn.goal.socialWorkers', category: OLD, element: '社会工作者', ...P, measures: '加强社会工作岗位开发与设置（四(十三)）',
    target: '每千名老人配套社会工作者人数达到2人', number: 2, unit: '人/千名老人', comparison: 'atLeast',
    responsible: r13, responsibleClause: '四(十三)', clause: '二(四)', quote: '每千名老人配套社会工作者人数达到2人',
    link: { kind: 'result', rule: 'xn.social.workers:elderly' },
  },
  {
    id: 'xn.goal.places', category: KID, element: '托位', ...P, measures: '',
    target: '常住人口拥有托位数达4.5个/千人', number: 4.5, unit: '个/千人', comparison: 'atLeast',
    responsible: r72, responsibleClause: '三(七)2', clause: '二(四)', quote: '咸宁市常住人口拥有托位数达4.5个/千人',
    link: { kind: 'result', rule: 'xn.city.places' },
  },
  {
    id: 'xn.goal.everyCommunity', category: KID, element: '社区托育', ...P, measures: '大力发展社区托育服务（三(七)2）',
    target: '每个社区均有提供托育服务的机构（达标社区占比）', number: 1, unit: '%', comparison: 'atLeast',
    responsible: r72, responsibleClause: '三(七)2', clause: '二(四)', quote: '每个社区均有提供全日托、半日托、计时托、临时托等婴幼儿托育服务的机构',
    link: { kind: 'share', rules: ['xn.every.community.childcare'], level: 'community' },
  },
  {
    id: 'xn.goal.kindergarten', category: KID, element: '托幼一体', ...P, measures: '',
    target: '托幼服务一体化的幼儿园达50%以上', number: 0.5, unit: '%', comparison: 'atLeast',
    responsible: r72, responsibleClause: '三(七)2', clause: '二(四)', quote: '全市托幼服务一体化的幼儿园达 50%以上',
    link: { kind: 'result', rule: 'xn.kindergarten.mix' },
  },
  {
    id: 'xn.goal.guidance', category: KID, element: '科学育儿指导', ...P, measures: '',
    target: '婴幼儿家庭接受科学育儿指导率达90%以上', number: 0.9, unit: '%', comparison: 'atLeast',
    responsible: r71, responsibleClause: '三(七)1', clause: '二(四)', quote: '婴幼儿家庭接受科学育儿指导率达 90%以上',
  },
  {
    id: 'xn.goal.health', category: KID, element: '婴幼儿健康管理', ...P, measures: '',
    target: '婴幼儿健康管理率达90%以上', number: 0.9, unit: '%', comparison: 'atLeast',
    responsible: r71, responsibleClause: '三(七)1', clause: '二(四)', quote: '婴幼儿健康管理率达 90%以上',
  },
  {
    id: 'xn.goal.experts', category: KID, element: '托育专家人才库', ...P, measures: '',
    target: '建立托育专家人才库', comparison: 'done',
    responsible: r13, responsibleClause: '四(十三)', clause: '二(四)', quote: '建立托育专家人才库',
  },
  {
    id: 'xn.goal.training', category: KID, element: '托育从业人才培训', ...P, measures: '把保育员、育婴员等纳入政府职业技能培训计划（四(十三)）',
    target: '开展托育服务从业人才培训达90%以上', number: 0.9, unit: '%', comparison: 'atLeast',
    responsible: r13, responsibleClause: '四(十三)', clause: '二(四)', quote: '开展托育服务从业人才培训达９０%以上',
  },
  {
    id: 'xn.task.insured', category: '三、重点任务', element: '(六)1.提高养老保障水平', ...P, measures: '配合养老保险省级统筹，完善城乡养老保险制度衔接',
    target: '基本养老保险参保率达到95%', number: 0.95, unit: '%', comparison: 'atLeast',
    responsible: r61, clause: '三(六)1', quote: '到“十四五”期末，基本养老保险参保率达到95%',
  },
  {
    id: 'xn.task.insuredCount', category: '三、重点任务', element: '(六)1.提高养老保障水平', ...P, measures: '',
    target: '基本养老保险（不含城乡居民养老保险）参保人数达到45万人', number: 45, unit: '万人', comparison: 'atLeast',
    responsible: r61, clause: '三(六)1', quote: '基本养老保险（不含城乡居民养老保险）参保人数达到45万人',
  },
  {
    id: 'xn.task.streetCentre', category: '三、重点任务', element: '(六)3.增强居家社区养老服务供给能力', ...P, measures: '老年宜居社区和养老服务设施分级分层建设',
    target: '所有街道和有条件的乡镇至少建有1处综合性社区养老服务设施（达标街道占比）', number: 1, unit: '%', comparison: 'atLeast',
    responsible: r63, clause: '三(六)3', quote: '所有街道和有条件的乡镇至少建有1处综合性社区养老服务设施',
    link: { kind: 'share', rules: ['xn.street.centre:centre'], level: 'street' },
  },
  {
    id: 'xn.task.daycare', category: '三、重点任务', element: '(六)3.增强居家社区养老服务供给能力', ...P, measures: '',
    target: '社区日间照料机构覆盖率达到100%', number: 1, unit: '%', comparison: 'atLeast',
    responsible: r63, clause: '三(六)3', quote: '社区日间照料机构覆盖率达到100%',
    link: { kind: 'result', rule: 'xn.street.centre:daycare' },
  },
  {
    id: 'xn.task.countyHomes', category: '三、重点任务', element: '(六)5.创新推动养老机构改革发展', from: 2021, due: 2022, measures: '特困人员供养服务设施改造提升，县级直管',
    target: '县级特困供养服务机构全部达到国家三级养老机构标准', number: 1, unit: '%', comparison: 'atLeast',
    responsible: r65, clause: '三(六)5', quote: '到2022年，县级特困供养服务机构全部达到国家三级养老机构标准',
  },
  {
    id: 'xn.task.regionalHomes', category: '三、重点任务', element: '(六)5.创新推动养老机构改革发展', from: 2021, due: 2022, measures: '',
    target: '区域性失能半失能特困供养服务中心达到国家二级以上标准', number: 1, unit: '%', comparison: 'atLeast',
    responsible: r65, clause: '三(六)5', quote: '所有区域性失能半失能特困供养服务中心达到国家二级以上养老机构标准',
  },
  {
    id: 'xn.task.ruralHomes', category: '三、重点任务', element: '(六)5.创新推动养老机构改革发展', from: 2021, due: 2022, measures: '',
    target: '其他农村福利院达到国家一级以上养老机构标准', number: 1, unit: '%', comparison: 'atLeast',
    responsible: r65, clause: '三(六)5', quote: '其他农村福利院达到国家一级以上养老机构标准',
  },
  {
    id: 'xn.task.price', category: '三、重点任务', element: '(六)6.大力争取国家支持实施普惠养老', ...P, measures: '科学确定基本养老床位普惠价格的基准水平及合理区间',
    target: '普惠养老支出不高于同等情况市场化养老价格的70%', number: 0.7, unit: '%', comparison: 'atMost',
    responsible: r66, clause: '三(六)6', quote: '普惠养老支出不高于同等情况市场化养老价格的70%',
    note: '填写普惠价格 ÷ 同等情况市场化价格。',
  },
  {
    id: 'xn.task.bedFee', category: '三、重点任务', element: '(六)6.大力争取国家支持实施普惠养老', ...P, measures: '',
    target: '床位费用不高于当年城镇职工可支配收入的150%', number: 1.5, unit: '%', comparison: 'atMost',
    responsible: r66, clause: '三(六)6', quote: '床位费用不高于当年城镇职工可支配收入的150%',
    note: '填写床位费用 ÷ 当年城镇职工可支配收入。',
  },
  {
    id: 'xn.task.medical', category: '三、重点任务', element: '(六)7.推进医养康养融合发展', from: 2021, due: 2022, measures: '支持养老机构配备医务室、护理站',
    target: '所有养老机构能够以不同形式为入住老年人提供医疗卫生服务', number: 1, unit: '%', comparison: 'atLeast',
    responsible: r67, clause: '三(六)7', quote: '到2022年，所有养老机构能够以不同形式为入住老年人提供医疗卫生服务',
  },
  {
    id: 'xn.task.greenChannel', category: '三、重点任务', element: '(六)7.推进医养康养融合发展', from: 2021, due: 2022, measures: '',
    target: '所有医疗机构开设为老年人提供挂号、就医等便利服务的绿色通道', number: 1, unit: '%', comparison: 'atLeast',
    responsible: r67, clause: '三(六)7', quote: '所有医疗机构开设为老年人提供挂号、就医等便利服务的绿色通道',
  },
  {
    id: 'xn.task.vaccination', category: '三、重点任务', element: '(七)1.提高优孕优生服务水平', ...P, measures: '规范、保障免疫规划疫苗供应',
    target: '国家免疫规划疫苗接种率以乡（镇）为单位达到95%以上', number: 0.95, unit: '%', comparison: 'atLeast',
    responsible: r71, clause: '三(七)1', quote: '国家免疫规划疫苗接种率以乡（镇）为单位达到95%以上',
  },
  {
    id: 'xn.task.guidanceCentre', category: '三、重点任务', element: '(七)2.加快普惠托育服务发展', ...P, measures: '依托妇幼保健院成立托育服务指导中心',
    target: '市、县（市、区）分别建立公办的示范性托育服务中心', comparison: 'done',
    responsible: r72, clause: '三(七)2', quote: '市、县(市、区）分别建立公办的示范性托育服务中心',
    note: '市和每个县（市、区）各一所：填写已建成的县级单位数，全部建成时标为完成。',
  },
  {
    id: 'xn.task.streetChildcare', category: '三、重点任务', element: '(七)2.加快普惠托育服务发展', ...P, measures: '',
    target: '乡镇（街道）至少建立1所普惠性托育服务机构（达标街道占比）', number: 1, unit: '%', comparison: 'atLeast',
    responsible: r72, clause: '三(七)2', quote: '乡镇（街道）至少建立１所普惠性托育服务机构',
    link: { kind: 'share', rules: ['xn.street.childcare'], level: 'street' },
  },
  {
    id: 'xn.task.lottery', category: '四、保障要素', element: '(十二)落实财税扶持政策', ...P, annual: true, measures: '发展养老托育事业所需资金列入年度财政预算',
    target: '彩票公益金用于支持发展养老服务的比例不低于55%', number: 0.55, unit: '%', comparison: 'atLeast',
    responsible: r12, clause: '四(十二)', quote: '全市用于社会福利事业的彩票公益金用于支持发展养老服务的比例应不低于55%',
    link: { kind: 'result', rule: 'xn.lottery' },
  },
  {
    id: 'xn.task.workersPerBeds', category: '四、保障要素', element: '(十三)专业人才培养', ...P, measures: '加强社会工作岗位开发与设置',
    target: '每百张养老机构床位至少配备1名社会工作者', number: 1, unit: '人/百床', comparison: 'atLeast',
    responsible: r13, clause: '四(十三)', quote: '到2025年，每百张养老机构床位、每千名老年人至少配备1名社会工作者',
    link: { kind: 'result', rule: 'xn.social.workers:beds' },
  },
  {
    id: 'xn.task.mechanism', category: '四、保障要素', element: '(九)建立工作机制', ...P, measures: '',
    target: '建立“一老一小”工作推进机制，政策落实情况纳入政府年度绩效考核', comparison: 'done',
    responsible: r9, clause: '四(九)', quote: '将养老托育服务政策落实情况纳入政府年度绩效考核范围',
  },
];
