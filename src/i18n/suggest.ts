// Messages of the site suggestion (data issues and the CLI table). Keep zh and en in step;
// tests/core/suggest/messages.test.ts checks both; src/i18n/index.ts merges them into the app catalogue.
export const suggestZh: Record<string, string> = {
  'suggest.issue.geometry': '居住区「{id}」的几何无法取代表点，未参与选址',
  'suggest.issue.noWeight': '居住区「{id}」缺少 {field}，不计入选址需求，请补齐数据',
  'suggest.issue.noCapacity': '设施「{id}」缺少容量，视为可服务其整个服务圈，请补齐托位/床位',
  'suggest.cli.header': '新设施选址建议：{kind}，目标 {goal}，人群 {cohort}，服务圈 {distance} 米（{reach}）',
  'suggest.cli.columns': '序号\t候选点\t来源\t规模\t新增服务\t累计\t补助(元)\t累计补助(元)',
  'suggest.cli.summary': '候选点 {candidates} 个，需求点 {demand} 个；现有设施已服务 {existing}，待服务 {open}；已证明上界 {bound}（达到 {ratio}）',
  'suggest.cli.ratio': '全域 {perThousand}/千人：需新增 {needed}，建议新增 {added}，{reached}',
  'suggest.cli.reached': '可达标',
  'suggest.cli.notReached': '仍未达标',
  'suggest.cli.none': '没有能带来新增服务的候选点',
  'suggest.cli.timing': '服务圈计算 {reachMs} 毫秒，选址 {solveMs} 毫秒',
};
export const suggestEn: Record<string, string> = {
  'suggest.issue.geometry': 'community {id}: no representative point could be taken from its geometry; left out of the suggestion',
  'suggest.issue.noWeight': 'community {id}: {field} is missing, so it adds no demand to the suggestion; fill in the data',
  'suggest.issue.noCapacity': 'facility {id}: capacity is missing, so it is taken to serve its whole circle; fill in places/beds',
  'suggest.cli.header': 'Site suggestions: {kind}, goal {goal}, cohort {cohort}, circle {distance} m ({reach})',
  'suggest.cli.columns': 'rank\tsite\tsource\tsize\tgain\tcumulative\tsubsidy (CNY)\tcumulative (CNY)',
  'suggest.cli.summary': '{candidates} candidate sites, {demand} demand points; existing facilities serve {existing}, {open} left; proven upper bound {bound} (reached {ratio})',
  'suggest.cli.ratio': 'area-wide {perThousand} per 1000: {needed} needed, {added} suggested, {reached}',
  'suggest.cli.reached': 'target reached',
  'suggest.cli.notReached': 'target not reached',
  'suggest.cli.none': 'no candidate site adds anything',
  'suggest.cli.timing': 'reach {reachMs} ms, selection {solveMs} ms',
};
