// The small form after a click or a drawing on the map: a new facility (kind, name, capacities
// starting from the defaults of its kind) or a new residential area (name, type, households,
// population). Submitting commits one edit; cancelling changes nothing.
import { useState } from 'preact/hooks';
import { COMMUNITY_TYPES, ELDERLY_KINDS, CHILDCARE_KINDS, FACILITY_KINDS, type CommunityType, type FacilityKind } from '../../core/model';
import { addFacility, FACILITY_DEFAULTS, newFacility, newId, putCommunity } from '../../core/scenario';
import { useApp, useT } from '../context';

/** the capacity fields the form shows for a kind */
export function fieldsFor(kind: FacilityKind): ('beds' | 'nursingBeds' | 'places' | 'floorArea')[] {
  if (ELDERLY_KINDS.includes(kind)) return ['beds', 'nursingBeds', 'floorArea'];
  if (CHILDCARE_KINDS.includes(kind)) return ['places', 'floorArea'];
  return ['floorArea'];
}

/** '' = unknown; otherwise a number ≥ 0 (whole for counts), or NaN when the text is not one */
export function parseCount(text: string, whole: boolean): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const v = Number(t);
  if (!Number.isFinite(v) || v < 0 || (whole && !Number.isInteger(v))) return Number.NaN;
  return v;
}

function defaultsText(kind: FacilityKind): Record<string, string> {
  const d = FACILITY_DEFAULTS[kind];
  return Object.fromEntries(fieldsFor(kind).map((f) => [f, d[f] === undefined ? '' : String(d[f])]));
}

function FacilityForm({ at }: { at: [number, number] }) {
  const { state, tools } = useApp();
  const tr = useT();
  const [kind, setKind] = useState<FacilityKind>('childcare_centre');
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, string>>(defaultsText('childcare_centre'));
  const fields = fieldsFor(kind);

  const submit = () => {
    const over: Record<string, number | undefined> = {};
    for (const f of fields) {
      const v = parseCount(values[f] ?? '', f !== 'floorArea');
      if (Number.isNaN(v)) return tools.say({ key: 'scenario.ui.badNumber', args: { field: tr(`scenario.ui.field.${f}`) } });
      over[f] = v;
    }
    const label = name.trim() || tr('scenario.ui.form.defaultName', { kind: tr(`kind.${kind}`) });
    // fields of other kinds' defaults do not carry over: only this kind's fields are set
    const base = newFacility(kind, label, at);
    const facility = { ...base, beds: undefined, nursingBeds: undefined, places: undefined, floorArea: undefined, ...over };
    for (const k of ['beds', 'nursingBeds', 'places', 'floorArea'] as const) if (facility[k] === undefined) delete facility[k];
    const e = addFacility(state.layers.peek()!, { facility });
    if (tools.commitOp(e)) tools.closeForm();
  };

  return (
    <form
      class="sc-form"
      data-testid="facility-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3>{tr('scenario.ui.form.facility')}</h3>
      <label>
        <span>{tr('scenario.ui.form.kind')}</span>
        <select
          data-testid="facility-kind"
          value={kind}
          onChange={(e) => {
            const k = e.currentTarget.value as FacilityKind;
            setKind(k);
            setValues(defaultsText(k));
          }}
        >
          {FACILITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {tr(`kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{tr('scenario.ui.form.name')}</span>
        <input
          data-testid="facility-name"
          value={name}
          maxLength={80}
          placeholder={tr('scenario.ui.form.defaultName', { kind: tr(`kind.${kind}`) })}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      {fields.map((f) => (
        <label key={f}>
          <span>{tr(`scenario.ui.field.${f}`)}</span>
          <input data-testid={`facility-${f}`} inputMode="numeric" value={values[f] ?? ''} onInput={(e) => setValues({ ...values, [f]: e.currentTarget.value })} />
        </label>
      ))}
      <p class="note">{tr('scenario.ui.form.defaults')}</p>
      <div class="sc-form-buttons">
        <button type="submit" class="primary" data-testid="facility-add">
          {tr('scenario.ui.form.add')}
        </button>
        <button
          type="button"
          onClick={() => {
            tools.closeForm();
            tools.notice.value = null;
          }}
        >
          {tr('scenario.ui.cancel')}
        </button>
      </div>
    </form>
  );
}

function AreaForm({ ring }: { ring: [number, number][] }) {
  const { state, tools } = useApp();
  const tr = useT();
  const [name, setName] = useState('');
  const [type, setType] = useState<CommunityType>('new');
  const [households, setHouseholds] = useState('');
  const [population, setPopulation] = useState('');

  const submit = () => {
    const hh = parseCount(households, true);
    const pop = parseCount(population, true);
    if (Number.isNaN(hh)) return tools.say({ key: 'scenario.ui.badNumber', args: { field: tr('scenario.ui.field.households') } });
    if (Number.isNaN(pop)) return tools.say({ key: 'scenario.ui.badNumber', args: { field: tr('scenario.ui.field.population') } });
    const community = {
      id: newId('community'),
      name: name.trim() || tr('scenario.ui.form.areaName'),
      type,
      ...(hh === undefined ? {} : { households: hh }),
      ...(pop === undefined ? {} : { population: pop }),
      geometry: { type: 'Polygon' as const, coordinates: [ring] },
      extra: {},
    };
    const e = putCommunity(state.layers.peek()!, { community, replaces: false });
    if (tools.commitOp(e)) tools.closeForm();
  };

  return (
    <form
      class="sc-form"
      data-testid="area-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3>{tr('scenario.ui.form.area')}</h3>
      <label>
        <span>{tr('scenario.ui.form.name')}</span>
        <input data-testid="area-name" value={name} maxLength={80} placeholder={tr('scenario.ui.form.areaName')} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        <span>{tr('scenario.ui.field.type')}</span>
        <select data-testid="area-type" value={type} onChange={(e) => setType(e.currentTarget.value as CommunityType)}>
          {COMMUNITY_TYPES.map((c) => (
            <option key={c} value={c}>
              {tr(`scenario.ui.ctype.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{tr('scenario.ui.field.households')}</span>
        <input data-testid="area-households" inputMode="numeric" value={households} onInput={(e) => setHouseholds(e.currentTarget.value)} />
      </label>
      <label>
        <span>{tr('scenario.ui.field.population')}</span>
        <input data-testid="area-population" inputMode="numeric" value={population} onInput={(e) => setPopulation(e.currentTarget.value)} />
      </label>
      <div class="sc-form-buttons">
        <button type="submit" class="primary" data-testid="area-add">
          {tr('scenario.ui.form.add')}
        </button>
        <button
          type="button"
          onClick={() => {
            tools.closeForm();
            tools.notice.value = null;
          }}
        >
          {tr('scenario.ui.cancel')}
        </button>
      </div>
    </form>
  );
}

export function EditForm() {
  const { tools } = useApp();
  const p = tools.pending.value;
  if (!p) return null;
  return p.kind === 'facility' ? <FacilityForm key={`${p.at[0]},${p.at[1]}`} at={p.at} /> : <AreaForm key={JSON.stringify(p.ring[0])} ring={p.ring} />;
}
