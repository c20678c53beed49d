// Zod schemas for what scenarios write to disk: edits (with their intent), scenarios and saved
// views. Features inside edits reuse the model schemas of src/schemas, so a scenario file holds
// exactly what the project file holds. Used by file.ts and project_part.ts.
import { z } from 'zod';
import { zCommunity, zFacility, zRoad, zStreet } from '../../schemas/features';
import type { Edit } from './edit';
import type { Scenario } from './scenarios';
import type { View } from './views';

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
