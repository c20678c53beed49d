// The project file: one versioned JSON that holds every layer (as GeoJSON FeatureCollections),
// the area figures, the chosen profile and parameter overrides.
//
//   version 1 (current): { version: 1, area, profile, params, communities, facilities, streets, roads, …}
//   version 0: the same bundle without `version` (what people assemble by hand from their GeoJSON
//              files). It is migrated: profile defaults to `combined`, params to {}, area.name to
//              the file name, and the load result says it was migrated.
// A newer version or a broken file is explained (problem with a message), never silently dropped.
// Top-level keys this version does not know (e.g. `scenarios`, `views`) are kept in `other` and
// written back by projectToJson.
import { z } from 'zod';
import type { AreaInfo, DataIssue, Project } from '../core/model';
import { parseLayer, type InputProblem, type LayerName, LAYER_NAMES, type RingCheck } from './features';
import { parseParams } from './params';
import { PROFILES } from '../core/rules/profiles';
import { parseLedgerField } from './ledger';
import { errorMessage } from '../core/errors';
import { parseScanned, withoutMarks } from './scan-outlines';

export const PROJECT_VERSION = 1;

export const zArea = z.looseObject({
  name: z.string(),
  baselinePlaces: z.number().finite().min(0).optional(),
  baselineYear: z.number().int().optional(),
  kindergartens: z.number().finite().min(0).optional(),
  budgetElderly: z.number().finite().min(0).optional(),
  budgetChildcare: z.number().finite().min(0).optional(),
  lotteryShare: z.number().finite().min(0).max(1).optional(),
});

const zHeader = z.looseObject({
  version: z.number().int().min(0),
  profile: z.string().min(1).optional(),
  area: z.unknown().optional(),
  params: z.unknown().optional(),
});

export interface ProjectLoad {
  project: Project;
  issues: DataIssue[];
  /** the version the file had when it was older than PROJECT_VERSION */
  migratedFrom?: number;
  /** top-level keys this version does not interpret, kept for writing back */
  other: Record<string, unknown>;
  /** with `ringsLater`: the ring checks left out of `issues` (withRingIssues() adds them) */
  ringsLater?: RingCheck[];
}

export type ProjectResult = ({ ok: true } & ProjectLoad) | { ok: false; problems: InputProblem[] };

type Migration = (raw: Record<string, unknown>, file: string) => Record<string, unknown>;

/** MIGRATIONS[v] turns a version-v object into version v+1. */
const MIGRATIONS: Record<number, Migration> = {
  0: (raw, file) => ({
    ...raw,
    version: 1,
    profile: typeof raw.profile === 'string' ? raw.profile : 'combined',
    params: raw.params ?? {},
    area: raw.area ?? { name: file.replace(/^.*[\\/]/, '').replace(/\.json$/i, '') },
  }),
};

const KNOWN = new Set(['version', 'profile', 'area', 'params', ...LAYER_NAMES]);

/** Parse project JSON text, its UTF-8 bytes, or an already-parsed value. `ringsLater`: leave the outlines'
 *  self-intersection check for later (ProjectLoad.ringsLater), so a large project opens sooner.
 *  `scan`: read the communities' and streets' outlines from the text straight into packed arrays
 *  (scan-outlines.ts): each such unit's geometry reads its coordinates from the packing, the same
 *  values JSON.parse gives, and core/packed-outlines.ts packs it without building them. */
export function parseProject(input: string | unknown, file: string, opts: { ringsLater?: boolean; scan?: boolean } = {}): ProjectResult {
  const fail = (key: string, args: Record<string, string | number> = {}, field?: string): ProjectResult => ({
    ok: false,
    problems: [{ file, field, msg: { key, args: { file, ...args } } }],
  });
  let raw: unknown = input;
  if (typeof input === 'string' || input instanceof Uint8Array) {
    try {
      // text loses one byte-order mark here; bytes one here and one more as decoded (as a file's
      // text() and then this did)
      const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : withoutMarks(input, 1);
      raw = opts.scan ? parseScanned(text) : JSON.parse(typeof text === 'string' ? text : new TextDecoder().decode(text));
    } catch (e) {
      return fail('input.notJson', { detail: errorMessage(e) });
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('project.notObject');
  let obj = raw as Record<string, unknown>;
  const from = obj.version === undefined ? 0 : obj.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) return fail('project.badVersion', { version: JSON.stringify(from) }, 'version');
  if (from > PROJECT_VERSION) return fail('project.newer', { version: from, supported: PROJECT_VERSION }, 'version');
  for (let v = from; v < PROJECT_VERSION; v++) obj = MIGRATIONS[v](obj, file);
  const head = zHeader.safeParse(obj);
  if (!head.success) return fail('project.broken', { detail: head.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  const area = zArea.safeParse(obj.area ?? { name: file });
  if (!area.success) {
    const i = area.error.issues[0];
    return fail('project.badArea', { detail: `${(i?.path ?? []).join('.')}: ${i?.message ?? ''}` }, `area.${(i?.path ?? []).join('.')}`);
  }
  const profile = head.data.profile ?? 'combined';
  if (!PROFILES.some((p) => p.id === profile)) {
    return { ok: false, problems: [{ file, field: 'profile', msg: { key: 'params.unknownProfile', args: { profile, known: PROFILES.map((p) => p.id).join(', ') } } }] };
  }
  const params = parseParams(obj.params);
  if (!params.ok) return { ok: false, problems: [{ file, field: 'params', msg: params.msg }] };
  if (obj.communities === undefined || obj.facilities === undefined) return fail('project.missingLayers', {}, obj.communities === undefined ? 'communities' : 'facilities');

  const problems: InputProblem[] = [];
  const issues: DataIssue[] = [];
  const ringsLater: RingCheck[] | undefined = opts.ringsLater ? [] : undefined;
  const layers: Partial<Record<LayerName, unknown[]>> = {};
  for (const name of LAYER_NAMES) {
    const fc = obj[name];
    if (fc === undefined) {
      layers[name] = [];
      continue;
    }
    const later: RingCheck[] | undefined = ringsLater ? [] : undefined;
    const r = parseLayer(name, fc, `${file}#${name}`, later);
    if (r.ok) {
      layers[name] = r.items;
      // the layer's positions, in the list of every layer's issues
      for (const x of later ?? []) ringsLater?.push({ ...x, at: x.at + issues.length });
      issues.push(...r.issues);
    } else problems.push(...r.problems);
  }
  if (problems.length > 0) return { ok: false, problems };
  const other = Object.fromEntries(Object.entries(obj).filter(([k]) => !KNOWN.has(k)));
  // the ledger's entered values (src/schemas/ledger.ts): checked and migrated here, kept in `other`
  if (obj.ledger !== undefined) {
    const l = parseLedgerField(obj.ledger);
    if (!l.ok) return l.version !== undefined ? fail('project.ledgerNewer', { version: l.version }, 'ledger') : fail('project.badLedger', { detail: l.detail }, 'ledger');
    other.ledger = l.ledger;
  }
  const project = {
    area: area.data as AreaInfo,
    profile,
    params: params.params,
    communities: layers.communities,
    facilities: layers.facilities,
    streets: layers.streets,
    roads: layers.roads,
  } as Project;
  return { ok: true, project, issues, other, ...(from < PROJECT_VERSION ? { migratedFrom: from } : {}), ...(ringsLater ? { ringsLater } : {}) };
}

function featureCollection(items: { id: string; geometry: unknown; extra?: Record<string, unknown> }[]) {
  return {
    type: 'FeatureCollection',
    features: items.map(({ geometry, extra, ...props }) => ({ type: 'Feature', properties: { ...props, ...(extra ?? {}) }, geometry })),
  };
}

/** The current-version JSON object for a project (layers as FeatureCollections, model field names). */
export function projectToJson(p: Project, other: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...other,
    version: PROJECT_VERSION,
    area: p.area,
    profile: p.profile,
    params: p.params,
    communities: featureCollection(p.communities),
    facilities: featureCollection(p.facilities),
    streets: featureCollection(p.streets),
    roads: featureCollection(p.roads),
  };
}
