// One search box over the map: streets (街道/镇), communities and facilities by a part of their
// name, or a place typed as coordinates. Choosing a unit flies the map there and opens its detail;
// choosing coordinates flies there, sets a pin and opens the community the place lies in. A
// combobox: ↑/↓ move, Enter chooses, Esc closes the list (and clears the box when it is closed).
// Names render as text.
import { useMemo, useState } from 'preact/hooks';
import { pointInArea } from '../core/geo';
import type { Community } from '../core/model';
import { packedBox } from '../core/packed-outlines';
import { parseCoordinates, searchUnits, type SearchHit } from '../core/search';
import { useApp, useT } from './context';

type Option = { type: 'unit'; hit: SearchHit } | { type: 'place'; lon: number; lat: number; swapped: boolean };

const LIST_ID = 'map-search-list';

/** The box's state: the text, whether the list is open, the active option, and what choosing does. */
function useSearch() {
  const { state, actions, ui } = useApp();
  const searchPin = ui.searchPin;
  const tr = useT();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [note, setNote] = useState<string | null>(null);
  const layers = state.layers.value;

  const { options, problem } = useMemo((): { options: Option[]; problem: string | null } => {
    const coords = parseCoordinates(text);
    if (coords?.ok) return { options: [{ type: 'place', lon: coords.lon, lat: coords.lat, swapped: coords.swapped }], problem: null };
    if (coords && !coords.ok) return { options: [], problem: tr('ui.search.outside') };
    if (!layers || !text.trim()) return { options: [], problem: null };
    const hits = searchUnits(layers, text);
    return { options: hits.map((hit) => ({ type: 'unit', hit })), problem: hits.length ? null : tr('ui.search.none', { q: text.trim() }) };
  }, [text, layers, tr]);
  const choose = (o: Option | undefined) => {
    if (!o) return;
    setOpen(false);
    if (o.type === 'unit') {
      setText(o.hit.name);
      setNote(null);
      searchPin.value = null;
      actions.focusOn({ level: o.hit.level, id: o.hit.id });
      return;
    }
    searchPin.value = { lon: o.lon, lat: o.lat };
    // a packed unit's box first: only the few around the point build their outline
    const near = (c: Community) => {
      const b = packedBox(c);
      return !b || (o.lon >= b[0] && o.lon <= b[2] && o.lat >= b[1] && o.lat <= b[3]);
    };
    const home = layers?.communities.find((c) => near(c) && c.geometry.type !== 'Point' && pointInArea([o.lon, o.lat], c.geometry as never));
    if (home) {
      setNote(null);
      actions.select({ level: 'community', id: home.id });
    } else {
      setNote(tr('ui.search.noCommunity'));
      actions.select(null);
    }
  };

  const clear = () => {
    setText('');
    setOpen(false);
    setNote(null);
    searchPin.value = null;
  };

  return { layers, text, setText, open, setOpen, active, setActive, note, setNote, options, problem, choose, clear };
}

/** The options (a unit's name and what it is, or the place typed), and why there are none. */
function OptionList({ options, active, problem, choose }: { options: Option[]; active: number; problem: string | null; choose: (o: Option) => void }) {
  const tr = useT();
  const label = (o: Option): string =>
    o.type === 'place' ? tr('ui.search.place', { lon: o.lon.toFixed(5), lat: o.lat.toFixed(5) }) + (o.swapped ? tr('ui.search.swapped') : '') : o.hit.name;
  const detail = (o: Option): string => {
    if (o.type === 'place') return tr('ui.search.wgs84');
    const level = tr(`ui.search.level.${o.hit.level}`);
    if (o.hit.level === 'community' && o.hit.street) return `${level} · ${o.hit.street}`;
    if (o.hit.level === 'facility' && o.hit.kind) return `${level} · ${tr(`kind.${o.hit.kind}`)}`;
    return level;
  };
  return (
    <div class="map-search-list" id={LIST_ID} role="listbox" data-testid="search-results" aria-label={tr('ui.search.label')}>
      {options.map((o, i) => (
        <div
          key={o.type === 'unit' ? `${o.hit.level}:${o.hit.id}` : 'place'}
          id={`${LIST_ID}-${i}`}
          role="option"
          tabIndex={-1}
          aria-selected={i === active}
          class={i === active ? 'active' : ''}
          data-level={o.type === 'unit' ? o.hit.level : 'place'}
          data-id={o.type === 'unit' ? o.hit.id : undefined}
          // mousedown, not click: the input's blur would close the list first
          onMouseDown={(e) => {
            e.preventDefault();
            choose(o);
          }}
        >
          <span class="map-search-name">{label(o)}</span>
          <span class="map-search-detail">{detail(o)}</span>
        </div>
      ))}
      {problem && (
        <div class="map-search-problem" data-testid="search-problem">
          {problem}
        </div>
      )}
    </div>
  );
}

export function SearchBox() {
  const tr = useT();
  const { layers, text, setText, open, setOpen, active, setActive, note, setNote, options, problem, choose, clear } = useSearch();
  const showList = open && (options.length > 0 || problem !== null);
  return (
    <div class="map-search" data-testid="map-search">
      <div class="map-search-row">
        <input
          type="text"
          data-testid="search-input"
          // biome-ignore lint/a11y/noRedundantRoles: a text input is a textbox to screen readers until it says combobox (ARIA 1.2 pattern)
          role="combobox"
          list={undefined}
          aria-label={tr('ui.search.label')}
          aria-expanded={showList}
          aria-controls={LIST_ID}
          aria-autocomplete="list"
          aria-activedescendant={showList && options[active] ? `${LIST_ID}-${active}` : undefined}
          placeholder={tr('ui.search.placeholder')}
          title={tr('ui.search.wgs84')}
          value={text}
          disabled={!layers}
          onInput={(e) => {
            setText(e.currentTarget.value);
            setActive(0);
            setOpen(true);
            setNote(null);
          }}
          onFocus={() => text && setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              if (!open) return setOpen(true);
              const n = options.length;
              if (n) setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
            } else if (e.key === 'Enter') {
              e.preventDefault();
              choose(options[Math.min(active, options.length - 1)]);
            } else if (e.key === 'Escape') {
              e.stopPropagation();
              if (open) setOpen(false);
              else clear();
            }
          }}
        />
        {text && (
          <button type="button" class="map-search-clear" data-testid="search-clear" aria-label={tr('ui.search.clear')} title={tr('ui.search.clear')} onClick={clear}>
            ×
          </button>
        )}
      </div>
      {showList && <OptionList options={options} active={active} problem={problem} choose={choose} />}
      {note && (
        <p class="map-search-note" role="status" data-testid="search-note">
          {note}
        </p>
      )}
    </div>
  );
}
