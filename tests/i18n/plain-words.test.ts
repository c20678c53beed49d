// Officials read the screen: no on-screen message may tell them to run an npm command, pass a
// command-line flag or open a source file. Messages only the command-line tools print (cli.*, and
// the importers' messages whose on-screen twin importui.<key> the wizard shows instead) may, and so
// may the administrator's fold (*.admin: a build setting, shown folded under the plain message).
import { describe, expect, it } from 'vitest';
import { catalogue, hasKey, LANGS } from '../../src/i18n';
import './all-catalogues'; // the parts' catalogues too (loaded on first use in the app)

/** printed by the command line only (src/cli/import.ts measures against --reference data) */
const CLI_ONLY = new Set(['io.note.shiftFound']);

const DEVELOPER_WORDS: [string, RegExp][] = [
  ['an npm command', /npm /],
  ['a command-line flag', /--/],
  ['a source path', /src\//],
  ['a TypeScript file', /\.ts\b/],
  ['a docs file', /docs\/|\.md\b/],
  ['a build variable', /\bVITE_/],
];

function onScreen(key: string): boolean {
  return !/(^|\.)cli\./.test(key) && !key.endsWith('.admin') && !CLI_ONLY.has(key) && !hasKey(`importui.${key}`);
}

describe('on-screen messages are in plain words', () => {
  for (const lang of LANGS) {
    it(`no ${lang} message on screen names npm, a flag, a file path or a build variable`, () => {
      const found = Object.entries(catalogue(lang))
        .filter(([key]) => onScreen(key))
        .flatMap(([key, text]) => DEVELOPER_WORDS.filter(([, re]) => re.test(text)).map(([what]) => `${key}: ${what} in “${text}”`));
      expect(found).toEqual([]);
    });
  }

  it('the scan catches such words (the command-line usage names npm and flags)', () => {
    // the check itself, on a message known to hold them, so a broken pattern cannot pass quietly
    const usage = catalogue('zh')['cli.usage'];
    expect(DEVELOPER_WORDS.filter(([, re]) => re.test(usage)).map(([w]) => w)).toEqual(['an npm command', 'a command-line flag']);
    expect(onScreen('cli.usage')).toBe(false);
    expect(onScreen('ws.ui.sameOrigin')).toBe(true);
  });
});
