// One argument parser for the CLIs (check, check-sites, ledger, import, suggest): `--name value`
// options, flags, repeatable options and up to N positionals, on node:util parseArgs. The error
// strings are the ones the CLIs have always printed, so scripts and docs that quote them stay right.
import { parseArgs as nodeParseArgs } from 'node:util';
import type { Lang } from '../i18n';

/** Thrown by an option's `parse` to reject a value; its message is the usage error. */
export class ArgError extends Error {}

export type OptionSpec = { kind: 'flag' } | { kind: 'list' } | { kind: 'string'; parse?: (raw: string) => unknown };

type Value<S> = S extends { kind: 'flag' } ? boolean : S extends { kind: 'list' } ? string[] : S extends { parse: (raw: string) => infer T } ? T | undefined : string | undefined;

export type Values<S extends Record<string, OptionSpec>> = { [K in keyof S]: Value<S[K]> };

/** `--lang zh|en`; the CLIs default to Chinese when it is absent. */
export const langOption = {
  kind: 'string',
  parse: (l: string): Lang => {
    if (l !== 'zh' && l !== 'en') throw new ArgError(`--lang ${l}: zh | en`);
    return l;
  },
} as const;

/**
 * Options are written `--name value` or `--name=value` (a value after a space is taken as is, even
 * if it starts with `--`). Node's own parser (node:util parseArgs) splits the arguments; this walks
 * its tokens in order and returns the first problem as a string, or the values and positionals.
 */
export function parseArgs<S extends Record<string, OptionSpec>>(argv: string[], spec: S, maxPositionals: number): { values: Values<S>; positionals: string[] } | string {
  const options = Object.fromEntries(
    Object.entries(spec).map(([name, s]) => [name, { type: s.kind === 'flag' ? ('boolean' as const) : ('string' as const), multiple: s.kind === 'list' }]),
  );
  // strict: false so that an unknown option or a missing value comes back as a token and is
  // reported in argument order with the CLIs' wording, not as Node's message
  const { tokens } = nodeParseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(spec)) values[name] = s.kind === 'flag' ? false : s.kind === 'list' ? [] : undefined;
  const positionals: string[] = [];
  for (const tok of tokens) {
    if (tok.kind === 'option-terminator') continue;
    if (tok.kind === 'positional') {
      if (positionals.length >= maxPositionals) return `unexpected argument ${tok.value}`;
      positionals.push(tok.value);
      continue;
    }
    const s = tok.rawName.startsWith('--') && Object.hasOwn(spec, tok.name) ? spec[tok.name] : undefined;
    if (s === undefined) return `unknown option ${argv[tok.index]}`;
    if (s.kind === 'flag') {
      if (tok.inlineValue) return `${tok.rawName} takes no value`;
      values[tok.name] = true;
      continue;
    }
    const raw = tok.value;
    if (raw === undefined) return `${tok.rawName} needs a value`;
    if (s.kind === 'list') (values[tok.name] as string[]).push(raw);
    else {
      try {
        values[tok.name] = s.parse ? s.parse(raw) : raw;
      } catch (e) {
        if (e instanceof ArgError) return e.message;
        throw e;
      }
    }
  }
  return { values: values as Values<S>, positionals };
}
