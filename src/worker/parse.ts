// Project file → model, through the project schema (src/schemas) so the app, the CLI and tests
// validate data the same way. Problems come back as data (file, feature index/id, field, message
// key) for the page to show in the user's language.
import type { AreaInfo, Community, DataIssue, Facility, Road, Street } from '../core/model';
import type { Params } from '../core/params';
import { parseProject as parseProjectFile, type InputProblem } from '../schemas';

export interface ParsedProject {
  area: AreaInfo;
  profile: string;
  params: Partial<Params>;
  communities: Community[];
  facilities: Facility[];
  streets: Street[];
  roads: Road[];
  issues: DataIssue[];
  /** top-level keys the schema keeps but does not interpret (e.g. the demo's `meta` provenance) */
  other: Record<string, unknown>;
}

export type ParseOutcome = { ok: true; project: ParsedProject } | { ok: false; problems: InputProblem[] };

export function parseProject(json: unknown, fileName: string): ParseOutcome {
  const r = parseProjectFile(json, fileName);
  if (!r.ok) return { ok: false, problems: r.problems };
  const p = r.project;
  return {
    ok: true,
    project: {
      area: p.area,
      profile: p.profile,
      params: p.params,
      communities: p.communities,
      facilities: p.facilities,
      streets: p.streets,
      roads: p.roads,
      issues: r.issues,
      other: r.other,
    },
  };
}
