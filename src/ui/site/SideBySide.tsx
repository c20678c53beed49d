// "All five side by side": one row per requirement topic (elderly-care floor area per 100
// households, per resident, land per resident, places per 1000, minimum sizes, childcare on site,
// 15-minute circles), one column per profile, each cell the verdict and shortfall of that
// profile's rule — where the documents agree and where one is stricter reads across a row.
import '../../i18n/site'; // its strings: loaded with this code, not with the page
import type { RuleResult } from '../../core/model';
import { ruleFor } from '../../core/report';
import type { SiteCheck } from '../../core/site';
import { useApp, useT } from '../context';
import { fmt } from '../format';

/** the topic a rule's result belongs to (an i18n key under site.topic.) */
export function topicOf(r: RuleResult): string {
  const def = ruleFor(r);
  if (!def) return 'other';
  if (def.kind === 'ratio') {
    if (def.params.measure === 'm2_per_100_households') return 'floorPer100hh';
    if (def.params.measure === 'm2_per_resident') return def.params.supply.field === 'landArea' ? 'landPerResident' : 'floorPerResident';
    if (def.params.measure === 'places_per_1000') return 'placesPer1000';
  }
  if (def.kind === 'min_size') return r.part === 'childcare' ? 'minChildcare' : 'minElderly';
  if (def.kind === 'presence') return 'childcareOnSite';
  if (def.kind === 'coverage') return r.part === 'childcare' ? 'circleChildcare' : 'circleElderly';
  return 'other';
}

const TOPICS = [
  'floorPer100hh',
  'floorPerResident',
  'landPerResident',
  'placesPer1000',
  'minElderly',
  'minChildcare',
  'childcareOnSite',
  'circleElderly',
  'circleChildcare',
  'other',
];

export function SideBySide({ check }: { check: SiteCheck }) {
  const { state } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  const cells = new Map<string, RuleResult[]>();
  for (const p of check.profiles) {
    for (const r of [...p.requirements.map((q) => q.result), ...p.circle]) {
      const k = `${topicOf(r)}|${p.profile}`;
      cells.set(k, [...(cells.get(k) ?? []), r]);
    }
  }
  const topics = TOPICS.filter((t) => check.profiles.some((p) => cells.has(`${t}|${p.profile}`)));
  return (
    <table class="site-table site-matrix" data-testid="site-matrix">
      <thead>
        <tr>
          <th>{tr('site.ui.topic')}</th>
          {check.profiles.map((p) => (
            <th key={p.profile}>{p.name[lang]}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {topics.map((t) => (
          <tr key={t} data-topic={t}>
            <th>{tr(`site.topic.${t}`)}</th>
            {check.profiles.map((p) => (
              <td key={p.profile} data-profile={p.profile}>
                {(cells.get(`${t}|${p.profile}`) ?? []).map((r) => (
                  <div key={`${r.rule}:${r.part ?? ''}`} class={`verdict ${r.status}`} title={r.part ? `${r.rule}:${r.part}` : r.rule}>
                    {tr(`status.${r.status}`)}
                    {r.status === 'fail' && r.shortfall !== null ? ` −${fmt(r.shortfall, lang)}` : ''}
                  </div>
                ))}
                {!cells.has(`${t}|${p.profile}`) && <span class="note">—</span>}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
