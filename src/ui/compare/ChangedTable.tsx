// Communities whose verdict changed between A and B (worsened first, as the core orders them):
// overall verdict on both sides and each rule that moved, with both values. A row click frames
// the community on both maps.
import type { CommunityChange } from '../../core/scenario/compare';
import { useApp, useT } from '../context';
import { fmt, ruleName } from '../format';

const MAX_ROWS = 200;

export function ChangedTable({ changed, onPick }: { changed: CommunityChange[]; onPick: (id: string) => void }) {
  const { state } = useApp();
  const tr = useT();
  const lang = state.lang.value;
  const profiles = state.profiles.value;
  const status = (s: string) => (s === 'absent' ? tr('present.compare.absent') : tr(`ui.status.${s}`));
  if (changed.length === 0)
    return (
      <p class="note" data-testid="changed-none">
        {tr('present.compare.noChange')}
      </p>
    );
  return (
    <div class="changed-wrap">
      <table class="changed" data-testid="changed-table">
        <thead>
          <tr>
            <th>{tr('present.compare.community')}</th>
            <th>A</th>
            <th>B</th>
            <th>{tr('present.compare.rulesMoved')}</th>
          </tr>
        </thead>
        <tbody>
          {changed.slice(0, MAX_ROWS).map((c) => (
            <tr key={c.id} data-id={c.id} data-from={c.from} data-to={c.to} tabIndex={0} onClick={() => onPick(c.id)} onKeyDown={(e) => e.key === 'Enter' && onPick(c.id)}>
              <td>
                {c.name ?? c.id}
                <div class="note">{c.id}</div>
              </td>
              <td class={`st st-${c.from}`}>{status(c.from)}</td>
              <td class={`st st-${c.to}`}>{status(c.to)}</td>
              <td>
                <ul class="moved">
                  {c.rules.map((r) => (
                    <li key={`${r.rule}:${r.part ?? ''}:${r.view ?? ''}`} data-rule={r.part ? `${r.rule}:${r.part}` : r.rule}>
                      {ruleName(profiles, r.part ? `${r.rule}:${r.part}` : r.rule, lang)}
                      {r.view === 'catchment' ? ` (${tr('present.compare.catchment')})` : ''}: {status(r.from)} → {status(r.to)}
                      {(r.valueA !== null || r.valueB !== null) && ` (${fmt(r.valueA, lang)} → ${fmt(r.valueB, lang)})`}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {changed.length > MAX_ROWS && <p class="note">{tr('present.compare.more', { n: changed.length - MAX_ROWS })}</p>}
    </div>
  );
}
