// One argument parser for the CLIs (check, check-sites, ledger): `--name value` options, flags,
// repeatable options and up to N positionals. The error strings are the ones the CLIs have always
// printed, so scripts and docs that quote them stay right.
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
 * Options are written `--name value` (the value is taken as is, even if it starts with `--`).
 * Returns the first problem as a string, in argument order, or the values and positionals.
 */
export function parseArgs<S extends Record<string, OptionSpec>>(argv: string[], spec: S, maxPositionals: number): { values: Values<S>; positionals: string[] } | string {
  const values: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(spec)) values[name] = s.kind === 'flag' ? false : s.kind === 'list' ? [] : undefined;
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    const name = x.slice(2);
    const s = x.startsWith('--') && Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (s === undefined) {
      if (x.startsWith('--')) return `unknown option ${x}`;
      if (positionals.length >= maxPositionals) return `unexpected argument ${x}`;
      positionals.push(x);
      continue;
    }
    if (s.kind === 'flag') {
      values[name] = true;
      continue;
    }
    const raw = argv[++i];
    if (raw === undefined) return `${x} needs a value`;
    if (s.kind === 'list') (values[name] as string[]).push(raw);
    else {
      try {
        values[name] = s.parse ? s.parse(raw) : raw;
      } catch (e) {
        if (e instanceof ArgError) return e.message;
        throw e;
      }
    }
  }
  return { values: values as Values<S>, positionals };
}
