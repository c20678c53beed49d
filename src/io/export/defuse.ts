// CSV injection (OWASP): text a spreadsheet would run as a formula gets an apostrophe on the way
// out, and our readers take exactly that apostrophe off on the way in. Apart from the table
// writers so the CSV reader goes without SheetJS.
/** Text a spreadsheet may run as a formula (CSV injection, OWASP): = + - @ also after spaces or
 *  tabs and in their full-width forms (＝HYPERLINK, which IME input produces), or a leading tab,
 *  CR or newline. */
const FORMULA_START = /^(?:[\t\r\n]|[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20])/u;

/** Apostrophes first: text that already starts '=… gets one more, so undefuse can always invert. */
const armed = (s: string) => FORMULA_START.test(s.replace(/^'+/, ''));

/** Such text gets a leading apostrophe, as OWASP advises; undefuse() takes exactly that off again. */
export function defuse(s: string): string {
  return armed(s) ? `'${s}` : s;
}

/** The inverse of defuse (our CSV reader applies it): only an apostrophe defuse would have added. */
export function undefuse(s: string): string {
  return s.startsWith("'") && armed(s) ? s.slice(1) : s;
}
