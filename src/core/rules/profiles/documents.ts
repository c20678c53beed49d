// The five source documents (seed files 000–004), as cited in every result.
export const DOC = {
  ak: '000 安康市“一老一小”重大要素清单（附件6）',
  cf: '001 赤峰市“一老一小”整体解决方案重大要素清单（附件2）',
  wy: '002 万源市促进养老托育服务健康发展实施方案（代拟稿）',
  xn: '003 咸宁市“十四五”促进养老托育服务健康发展实施方案（送审稿）',
  ca: '004 西安市长安区推进“一老一小”工作实施方案（征求意见稿）',
} as const;

/** The documents' full titles, as a reader names them (the seed number is the project's own label). */
export const DOC_TITLE = Object.fromEntries(Object.entries(DOC).map(([k, v]) => [k, v.replace(/^\d{3} /, '')])) as { readonly [K in keyof typeof DOC]: string };
