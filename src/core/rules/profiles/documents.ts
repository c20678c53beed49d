// The five source documents, named by their full titles as every result cites them (docs/sources.md
// lists each with its issuing body, status, date and the SHA-256 of the text the quotes were
// checked against; the project's seed numbers 000–004 are only labels of that list).
export const DOC = {
  ak: '安康市“一老一小”重大要素清单（附件6）',
  cf: '赤峰市“一老一小”整体解决方案重大要素清单（附件2）',
  wy: '万源市促进养老托育服务健康发展实施方案（代拟稿）',
  xn: '咸宁市“十四五”促进养老托育服务健康发展实施方案（送审稿）',
  ca: '西安市长安区推进“一老一小”工作实施方案（征求意见稿）',
} as const;

/** The documents' titles (the same strings; the name the ledger uses). */
export const DOC_TITLE: { readonly [K in keyof typeof DOC]: string } = DOC;

const SHORT: Record<string, string> = { [DOC.ak]: '安康', [DOC.cf]: '赤峰', [DOC.wy]: '万源', [DOC.xn]: '咸宁', [DOC.ca]: '长安区' };

/** A short name for narrow columns (the place the document is for); the title itself otherwise. */
export function docLabel(title: string): string {
  return SHORT[title] ?? title;
}
