// The site check's page state and its actions, one per app (createApp). The analysis runs in the
// worker (client.checkSite); the page keeps what it shows. A failed step changes nothing that was
// there before it: the entered figures and the outline stay.
import { signal } from '@preact/signals';
import type { Msg } from '../core/model';
import type { SiteArea, SiteCheck, SiteFigures } from '../core/site';
import { FIGURE_FIELDS, fieldArgs, type FigureField } from '../core/site/figures';
import type { SiteCandidate } from '../service/site';
import type { SiteClient } from '../worker/site-client';

export type { SiteCandidate };

export type SiteStatus = 'idle' | 'reading' | 'checking' | 'done' | 'error';

function siteSignals() {
  return {
    open: signal(false),
    reportOpen: signal(false),
    geometry: signal<SiteArea | null>(null),
    /** 'drawn' or the file name */
    source: signal(''),
    candidates: signal<SiteCandidate[]>([]),
    chosen: signal(-1),
    /** the coordinate system the file is read with ('' = the file's own) */
    crs: signal(''),
    /** the last file, kept so it can be read again with another coordinate system */
    file: signal<{ name: string; bytes: ArrayBuffer } | null>(null),
    /** figures as typed (strings: an empty field is a missing figure, never 0) */
    figures: signal<Record<FigureField, string>>(Object.fromEntries(FIGURE_FIELDS.map((k) => [k, ''])) as Record<FigureField, string>),
    name: signal(''),
    /** '' = the app's profile; 'all' = the five documents and combined side by side */
    profile: signal(''),
    status: signal<SiteStatus>('idle'),
    error: signal<Msg | null>(null),
    /** the error is about coordinates: offer the coordinate-system choice */
    crsProblem: signal(false),
    result: signal<SiteCheck | null>(null),
    /** the map canvas as an image for the report */
    mapImage: signal<string | null>(null),
  };
}

const COORDINATE_ERRORS = ['site.err.projected', 'site.err.abroad', 'site.err.swapped', 'site.err.zone', 'site.err.far', 'io.err.crsMissing', 'io.err.prjMismatch'];

/** Figures as numbers; a field that is not a number is a message naming it (nothing is sent). */
export function parsedFigures(raw: Record<FigureField, string>, siteName: string): { figures: SiteFigures; problems: Msg[] } {
  const figures: SiteFigures = {};
  const problems: Msg[] = [];
  for (const k of FIGURE_FIELDS) {
    const s = raw[k].trim().replace(/[,，\s]/g, '');
    if (s === '') continue;
    const v = Number(s);
    if (!Number.isFinite(v)) problems.push({ key: 'site.fig.notNumber', args: { site: siteName, ...fieldArgs(k), value: raw[k] } });
    else figures[k] = v;
  }
  return { figures, problems };
}

type SiteSignals = ReturnType<typeof siteSignals>;

/** The site check of one app: its signals and the steps that change them (`client`: the worker's
 *  site part; without one, nothing is read or checked). */
/** `now`: the clock the check's date (on its report) reads. */
export function createSite(client: SiteClient | null, now: () => Date = () => new Date()) {
  const site = siteSignals();
  return { ...site, ...outlineSteps(site, client), ...checkSteps(site, client, now) };
}

export type Site = ReturnType<typeof createSite>;

/** Where the site is: drawn on the map, or read from a boundary file (one of its outlines chosen). */
function outlineSteps(site: SiteSignals, client: SiteClient | null) {
  function setDrawn(ring: [number, number][]): void {
    site.geometry.value = { type: 'Polygon', coordinates: [ring] };
    site.source.value = 'drawn';
    site.candidates.value = [];
    site.file.value = null;
    site.error.value = null;
    site.crsProblem.value = false;
    site.result.value = null;
  }

  function takeCandidate(c: SiteCandidate, index: number): void {
    site.chosen.value = index;
    site.geometry.value = c.input.geometry;
    site.source.value = c.input.source ?? '';
    if (c.input.name && !site.name.value) site.name.value = c.input.name;
    // figures in the file fill only the fields the reviewer left empty
    const f = { ...site.figures.value };
    for (const k of FIGURE_FIELDS) {
      const v = c.input.figures[k];
      if (v !== undefined && f[k] === '') f[k] = String(v);
    }
    site.figures.value = f;
    site.result.value = null;
  }

  function chooseCandidate(index: number): void {
    const c = site.candidates.value[index];
    if (c) takeCandidate(c, index);
  }

  /** Reads a boundary file in the worker; one polygon is taken at once, several are listed to pick from.
   *  A new file starts from its own coordinate system; a re-read (rereadWithCrs) passes the chosen one. */
  async function openFile(name: string, bytes: ArrayBuffer, crs = ''): Promise<void> {
    if (!client) return;
    site.crs.value = crs;
    site.status.value = 'reading';
    site.error.value = null;
    // the worker receives a copy (transferred); the page keeps the original for a re-read
    const r = await client.readSiteFile(name, bytes.slice(0), crs ? { crs } : {});
    if (!r.ok) {
      site.status.value = 'error';
      site.error.value = r.error;
      site.crsProblem.value = r.crsNeeded;
      site.file.value = { name, bytes };
      return;
    }
    site.file.value = { name, bytes };
    site.crsProblem.value = false;
    site.status.value = 'idle';
    // largest first: a red line is the biggest closed polyline of a drawing
    const sorted = [...r.candidates].sort((a, b) => b.areaM2 - a.areaM2);
    site.candidates.value = sorted;
    takeCandidate(sorted[0], 0);
  }

  async function rereadWithCrs(crs: string): Promise<void> {
    site.crs.value = crs;
    const f = site.file.value;
    if (f) await openFile(f.name, f.bytes, crs);
  }

  return { setDrawn, chooseCandidate, openFile, rereadWithCrs };
}

/** The check itself in the worker, and its workbook. */
function checkSteps(site: SiteSignals, client: SiteClient | null, now: () => Date) {
  /** `date` (YYYY-MM-DD) defaults to today by the app's clock */
  async function runCheck(req: { profile: string; params: object; lang: 'zh' | 'en'; date?: string; unnamed: string }): Promise<void> {
    const g = site.geometry.value;
    if (!client || !g) return;
    const name = site.name.value.trim() || (site.source.value === 'drawn' ? req.unnamed : site.source.value);
    const p = parsedFigures(site.figures.value, name || 'site');
    if (p.problems.length > 0) {
      site.status.value = 'error';
      site.error.value = p.problems[0];
      return;
    }
    site.status.value = 'checking';
    site.error.value = null;
    const profiles = site.profile.value === 'all' ? ['all'] : [site.profile.value || req.profile];
    const out = await client.checkSite({
      input: { ...(name ? { name } : {}), geometry: g, figures: p.figures, source: site.source.value || 'drawn' },
      profiles,
      params: req.params,
      date: req.date ?? now().toISOString().slice(0, 10),
    });
    if (!out.ok) {
      site.status.value = 'error';
      site.error.value = out.error;
      site.crsProblem.value = site.file.value !== null && COORDINATE_ERRORS.includes(out.error.key);
      return;
    }
    site.result.value = out;
    site.status.value = 'done';
  }

  async function xlsxBytes(lang: 'zh' | 'en', date: string): Promise<Uint8Array | null> {
    const r = site.result.value;
    return client && r ? client.siteXlsx(r, lang, date) : null;
  }

  return { runCheck, xlsxBytes };
}
