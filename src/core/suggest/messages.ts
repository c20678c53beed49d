// Messages of the site suggestion (data issues and the CLI table). Keep zh and en in step;
// tests/core/suggest/messages.test.ts checks both. To be merged into src/i18n/core.ts by the lead.
export const suggestZh: Record<string, string> = {
  'suggest.issue.geometry': '居住区「{id}」的几何无法取代表点，未参与选址',
  'suggest.issue.noWeight': '居住区「{id}」缺少 {field}，不计入选址需求，请补齐数据',
  'suggest.issue.noCapacity': '设施「{id}」缺少容量，视为可服务其整个服务圈，请补齐托位/床位',
};
export const suggestEn: Record<string, string> = {
  'suggest.issue.geometry': 'community {id}: no representative point could be taken from its geometry; left out of the suggestion',
  'suggest.issue.noWeight': 'community {id}: {field} is missing, so it adds no demand to the suggestion; fill in the data',
  'suggest.issue.noCapacity': 'facility {id}: capacity is missing, so it is taken to serve its whole circle; fill in places/beds',
};
