// Zod schemas for what scenarios write to disk: edits (with their intent), scenarios and saved
// views, and the two readers built on them: a scenario file of its own (parseScenarioFile) and the
// scenario part of a project file (readScenarioPart). Features inside edits reuse the model
// schemas, so a scenario file holds exactly what the project file holds. Parsing never changes
// anything: it returns the file or the reasons it cannot be read (broken JSON, not a scenario,
// a newer version, a wrong field with its path). Older versions are migrated.
import { z } from 'zod';
import { errorMessage } from '../core/errors';
import type { Msg } from '../core/model';
import type { Edit } from '../core/scenario/edit';
import { SCENARIO_FILE_TYPE, SCENARIO_FILE_VERSION, type ScenarioFile } from '../core/scenario/file';
import type { ScenarioPart } from '../core/scenario/project-part';
import { BASELINE_ID, type Scenario } from '../core/scenario/scenarios';
import type { View } from '../core/scenario/views';
import { zCommunity, zFacility, zRoad, zStreet } from './features';

const lon = z.number().finite().min(-180).max(180);
const lat = z.number().finite().min(-90).max(90);
const id = z.string().min(1);
const count = z.number().finite().min(0).nullable().optional();

export const zMsg = z.object({ key: z.string().min(1), args: z.record(z.string(), z.union([z.string(), z.number()])).optional() });

const zPut = z.discriminatedUnion('layer', [
  z.object({ layer: z.literal('communities'), feature: zCommunity, at: z.number().int().min(0).optional() }),
  z.object({ layer: z.literal('facilities'), feature: zFacility, at: z.number().int().min(0).optional() }),
  z.object({ layer: z.literal('streets'), feature: zStreet, at: z.number().int().min(0).optional() }),
  z.object({ layer: z.literal('roads'), feature: zRoad, at: z.number().int().min(0).optional() }),
]);

const zDelete = z.object({ layer: z.enum(['communities', 'facilities', 'streets', 'roads']), id });

const zOp = z.discriminatedUnion('type', [
  z.object({ type: z.literal('addFacility'), facility: zFacility }),
  z.object({ type: z.literal('addFacilities'), facilities: z.array(zFacility).min(1) }),
  z.object({ type: z.literal('moveFacility'), id, to: z.tuple([lon, lat]) }),
  z.object({ type: z.literal('deleteFacility'), id }),
  z.object({
    type: z.literal('setCapacity'),
    id,
    capacity: z.object({ beds: count, nursingBeds: count, places: count, floorArea: count, landArea: count }),
  }),
  z.object({ type: z.literal('updateFacility'), id, props: zFacility.pick({ name: true, kind: true, ownership: true, inclusive: true }).partial() }),
  z.object({ type: z.literal('putCommunity'), community: zCommunity, replaces: z.boolean() }),
  z.object({
    type: z.literal('setCommunity'),
    id,
    fields: z.object({
      name: z.string().optional(),
      type: zCommunity.shape.type.optional(),
      population: count,
      households: count,
      elderly: count,
      infants: count,
      builtYear: count,
    }),
  }),
  z.object({ type: z.literal('deleteCommunity'), id }),
]);

export const zEdit = z.object({
  id,
  note: zMsg,
  put: z.array(zPut).optional(),
  delete: z.array(zDelete).optional(),
  op: zOp.optional(),
});

export const zScenario = z.object({
  id,
  name: z.string().min(1),
  edits: z.array(zEdit),
  redo: z.array(zEdit).optional(),
  parked: z.array(zEdit).optional(),
});

export const zView = z.object({
  id,
  name: z.string(),
  scenarioId: id,
  extent: z.tuple([lon, lat, lon, lat]).refine(([w, s, e, n]) => w < e && s < n, 'extent must be [west, south, east, north] with west < east and south < north'),
  layers: z.array(z.string()),
});

// What the schemas accept must be a valid model record (compile-time check).
type Fits<A, B> = [A] extends [B] ? true : false;
const fits: [Fits<z.infer<typeof zEdit>, Edit>, Fits<z.infer<typeof zScenario>, Scenario>, Fits<z.infer<typeof zView>, View>] = [true, true, true];
void fits;

/** zod issues → "path: message" lines, at most `max`. */
export function describeIssues(error: z.ZodError, prefix: string, max = 5): { path: string; detail: string }[] {
  return error.issues.slice(0, max).map((i) => ({
    path: [prefix, ...i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))].join('').replace(/^\./, ''),
    detail: i.message,
  }));
}

// ---- a scenario file of its own (src/core/scenario/file.ts builds one) ----

export type ScenarioFileResult = { ok: true; file: ScenarioFile; migratedFrom?: number } | { ok: false; problems: Msg[] };

/** MIGRATIONS[v] turns a version-v file into version v+1 (none yet: version 1 is the first). */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {};

const zFile = z.object({
  type: z.literal(SCENARIO_FILE_TYPE),
  version: z.literal(SCENARIO_FILE_VERSION),
  baselineRef: z.object({
    name: z.string(),
    fingerprint: z.string(),
    counts: z.object({ communities: z.number().int().min(0), facilities: z.number().int().min(0), streets: z.number().int().min(0), roads: z.number().int().min(0) }),
  }),
  scenario: zScenario,
});

export function parseScenarioFile(input: string | unknown): ScenarioFileResult {
  let raw: unknown = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (e) {
      return problem('scenario.file.notJson', { detail: errorMessage(e) });
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { type?: unknown }).type !== SCENARIO_FILE_TYPE) {
    return problem('scenario.file.notScenario');
  }
  let obj = raw as Record<string, unknown>;
  const from = obj.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) return problem('scenario.file.badVersion', { version: JSON.stringify(from) ?? 'undefined' });
  if (from > SCENARIO_FILE_VERSION) return problem('scenario.file.newer', { version: from, supported: SCENARIO_FILE_VERSION });
  for (let v = from; v < SCENARIO_FILE_VERSION; v++) obj = MIGRATIONS[v](obj);
  const parsed = zFile.safeParse(obj);
  if (!parsed.success) {
    return { ok: false, problems: describeIssues(parsed.error, '').map((i) => ({ key: 'scenario.file.invalid', args: { path: i.path || '/', detail: i.detail } })) };
  }
  return { ok: true, file: parsed.data, ...(from < SCENARIO_FILE_VERSION ? { migratedFrom: from } : {}) };
}

function problem(key: string, args?: Msg['args']): ScenarioFileResult {
  return { ok: false, problems: [args ? { key, args } : { key }] };
}

// ---- the scenario part of a project file (src/core/scenario/project-part.ts writes one) ----

const zPart = z.object({
  scenarios: z.array(zScenario).optional(),
  views: z.array(zView).optional(),
  activeScenario: z.string().min(1).optional(),
});

/** `notes`: repairs made while reading (e.g. a view whose scenario is gone now shows the baseline) */
export type ScenarioPartResult = { ok: true; part: ScenarioPart; notes: Msg[] } | { ok: false; problems: Msg[] };

export function readScenarioPart(other: Record<string, unknown>): ScenarioPartResult {
  const parsed = zPart.safeParse({ scenarios: other.scenarios, views: other.views, activeScenario: other.activeScenario });
  if (!parsed.success) {
    return { ok: false, problems: describeIssues(parsed.error, '').map((i) => ({ key: 'scenario.project.invalid', args: { path: i.path, detail: i.detail } })) };
  }
  const scenarios = parsed.data.scenarios ?? [];
  const ids = new Set(scenarios.map((s) => s.id));
  if (ids.size !== scenarios.length) {
    const dup = scenarios.find((s, i) => scenarios.findIndex((t) => t.id === s.id) !== i);
    return { ok: false, problems: [{ key: 'scenario.project.duplicateId', args: { id: dup?.id ?? '' } }] };
  }
  const known = (id: string) => id === BASELINE_ID || ids.has(id);
  const notes: Msg[] = [];
  // a view or an active id pointing at a scenario that is not there falls back to the baseline, said so
  const views = (parsed.data.views ?? []).map((v) => {
    if (known(v.scenarioId)) return v;
    notes.push({ key: 'scenario.project.viewFallback', args: { name: v.name, id: v.scenarioId } });
    return { ...v, scenarioId: BASELINE_ID };
  });
  const active = parsed.data.activeScenario;
  if (active !== undefined && !known(active)) notes.push({ key: 'scenario.project.activeFallback', args: { id: active } });
  return { ok: true, part: { scenarios, views, activeScenario: active !== undefined && known(active) ? active : BASELINE_ID }, notes };
}
