// Reading a project for the command line: a project.json file, or a folder holding
// communities.geojson + facilities.geojson (required) and streets.geojson / roads.geojson (optional),
// and, when present, a project.json beside them whose area figures (budgets, lottery share,
// kindergartens, baseline places …) the folder's layers cannot carry; `areaFrom` names that file.
// Node only (fs); the parsing itself is the pure code in src/schemas.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DataIssue, Project } from '../core/model';
import { parseLayer, parseProject, type InputProblem, type LayerName } from '../schemas';
import { errorMessage } from '../core/errors';

export type LoadResult =
  | { ok: true; project: Project; issues: DataIssue[]; migratedFrom?: number; folder: boolean; other: Record<string, unknown>; areaFrom?: string }
  | { ok: false; problems: InputProblem[] };

function readText(file: string): { text: string } | { problem: InputProblem } {
  try {
    return { text: readFileSync(file, 'utf8') };
  } catch (e) {
    return { problem: { file, msg: { key: 'input.readFailed', args: { file, detail: errorMessage(e) } } } };
  }
}

export function loadProjectPath(path: string): LoadResult {
  if (!existsSync(path)) return { ok: false, problems: [{ file: path, msg: { key: 'input.readFailed', args: { file: path, detail: 'not found' } } }] };
  if (!statSync(path).isDirectory()) {
    const r = readText(path);
    if ('problem' in r) return { ok: false, problems: [r.problem] };
    const p = parseProject(r.text, path);
    return p.ok ? { ok: true, project: p.project, issues: p.issues, folder: false, other: p.other, ...(p.migratedFrom !== undefined ? { migratedFrom: p.migratedFrom } : {}) } : p;
  }
  const need = (n: string) => existsSync(join(path, `${n}.geojson`));
  if (!need('communities') || !need('facilities')) return { ok: false, problems: [{ file: path, msg: { key: 'input.noLayers', args: { file: path } } }] };
  const problems: InputProblem[] = [];
  const issues: DataIssue[] = [];
  const layers: Record<LayerName, unknown[]> = { communities: [], facilities: [], streets: [], roads: [] };
  for (const name of ['communities', 'facilities', 'streets', 'roads'] as const) {
    if (!need(name)) continue;
    const file = join(path, `${name}.geojson`);
    const r = readText(file);
    if ('problem' in r) {
      problems.push(r.problem);
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(r.text.replace(/^\uFEFF/, ''));
    } catch (e) {
      problems.push({ file, msg: { key: 'input.notJson', args: { file, detail: errorMessage(e) } } });
      continue;
    }
    const parsed = parseLayer(name, json, file);
    if (parsed.ok) {
      layers[name] = parsed.items;
      issues.push(...parsed.issues);
    } else problems.push(...parsed.problems);
  }
  // the area figures: from a project.json in the same folder (its layers are not read: the folder's are)
  let area: Project['area'] = { name: basename(path) };
  const projectFile = join(path, 'project.json');
  const hasProject = existsSync(projectFile);
  if (hasProject) {
    const r = readText(projectFile);
    if ('problem' in r) problems.push(r.problem);
    else {
      const p = parseProject(r.text, projectFile);
      if (p.ok) area = p.project.area;
      else problems.push(...p.problems);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const project = { area, profile: 'combined', params: {}, ...layers } as Project;
  return { ok: true, project, issues, folder: true, other: {}, ...(hasProject ? { areaFrom: projectFile } : {}) };
}
