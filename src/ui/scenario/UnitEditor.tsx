// Editing a clicked facility or residential area in the detail panel: capacities (or type,
// households, population), drag to move / redraw the outline, delete. Only in an open scenario;
// on the baseline it says the baseline is read-only and offers a new scenario.
import { useState } from 'preact/hooks';
import { COMMUNITY_TYPES, type Community, type CommunityType, type Facility } from '../../core/model';
import { BASELINE_ID, deleteCommunity, deleteFacility, setCapacity, setCommunity, type CapacityChange } from '../../core/scenario';
import type { UnitRef } from '../../state/app-state';
import { useApp, useT } from '../context';
import { fieldsFor, parseCount } from './EditForm';

function text(v: number | undefined): string {
  return v === undefined ? '' : String(v);
}

function FacilityEditor({ f }: { f: Facility }) {
  const { state, tools } = useApp();
  const tr = useT();
  const fields = [...fieldsFor(f.kind), ...(f.landArea !== undefined ? (['landArea'] as const) : [])];
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(fields.map((k) => [k, text(f[k])])));

  const save = () => {
    const change: CapacityChange = {};
    for (const k of fields) {
      const v = parseCount(values[k] ?? '', k !== 'floorArea' && k !== 'landArea');
      if (Number.isNaN(v)) return tools.say({ key: 'scenario.ui.badNumber', args: { field: tr(`scenario.ui.field.${k}`) } });
      if (v !== f[k]) change[k] = v ?? null;
    }
    if (Object.keys(change).length === 0) return tools.say({ key: 'scenario.ui.edit.unchanged' });
    const e = setCapacity(state.layers.peek()!, { id: f.id, capacity: change });
    tools.commitOp(e);
  };

  return (
    <form
      class="sc-unit"
      data-testid="facility-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      {fields.map((k) => (
        <label key={k}>
          <span>{tr(`scenario.ui.field.${k}`)}</span>
          <input data-testid={`edit-${k}`} inputMode="numeric" value={values[k] ?? ''} onInput={(e) => setValues({ ...values, [k]: e.currentTarget.value })} />
        </label>
      ))}
      <div class="sc-form-buttons">
        <button type="submit" class="primary" data-testid="edit-save">
          {tr('scenario.ui.edit.save')}
        </button>
        <button type="button" data-testid="edit-move" onClick={() => void tools.dragFacility(f.id)}>
          {tr('scenario.ui.edit.move')}
        </button>
        <button
          type="button"
          class="danger"
          data-testid="edit-delete"
          onClick={() => {
            tools.commitOp(deleteFacility(state.layers.peek()!, { id: f.id }));
          }}
        >
          {tr('scenario.ui.edit.deleteFacility')}
        </button>
      </div>
    </form>
  );
}

function CommunityEditor({ c }: { c: Community }) {
  const { state, tools } = useApp();
  const tr = useT();
  const [type, setType] = useState<CommunityType>(c.type);
  const [households, setHouseholds] = useState(text(c.households));
  const [population, setPopulation] = useState(text(c.population));

  const save = () => {
    const hh = parseCount(households, true);
    const pop = parseCount(population, true);
    if (Number.isNaN(hh)) return tools.say({ key: 'scenario.ui.badNumber', args: { field: tr('scenario.ui.field.households') } });
    if (Number.isNaN(pop)) return tools.say({ key: 'scenario.ui.badNumber', args: { field: tr('scenario.ui.field.population') } });
    const fields: Parameters<typeof setCommunity>[1]['fields'] = {};
    if (type !== c.type) fields.type = type;
    if (hh !== c.households) fields.households = hh ?? null;
    if (pop !== c.population) fields.population = pop ?? null;
    if (Object.keys(fields).length === 0) return tools.say({ key: 'scenario.ui.edit.unchanged' });
    const e = setCommunity(state.layers.peek()!, { id: c.id, fields });
    tools.commitOp(e);
  };

  return (
    <form
      class="sc-unit"
      data-testid="community-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <label>
        <span>{tr('scenario.ui.field.type')}</span>
        <select data-testid="edit-type" value={type} onChange={(e) => setType(e.currentTarget.value as CommunityType)}>
          {COMMUNITY_TYPES.map((t) => (
            <option key={t} value={t}>
              {tr(`scenario.ui.ctype.${t}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{tr('scenario.ui.field.households')}</span>
        <input data-testid="edit-households" inputMode="numeric" value={households} onInput={(e) => setHouseholds(e.currentTarget.value)} />
      </label>
      <label>
        <span>{tr('scenario.ui.field.population')}</span>
        <input data-testid="edit-population" inputMode="numeric" value={population} onInput={(e) => setPopulation(e.currentTarget.value)} />
      </label>
      <div class="sc-form-buttons">
        <button type="submit" class="primary" data-testid="edit-save">
          {tr('scenario.ui.edit.save')}
        </button>
        {c.geometry.type === 'Polygon' && (
          <button type="button" data-testid="edit-reshape" onClick={() => void tools.reshapeArea(c.id)}>
            {tr('scenario.ui.form.reshape')}
          </button>
        )}
        <button type="button" data-testid="edit-redraw" onClick={() => void tools.redrawArea(c.id)}>
          {tr('scenario.ui.form.redraw')}
        </button>
        <button
          type="button"
          class="danger"
          data-testid="edit-delete"
          onClick={() => {
            tools.commitOp(deleteCommunity(state.layers.peek()!, { id: c.id }));
          }}
        >
          {tr('scenario.ui.edit.deleteArea')}
        </button>
      </div>
    </form>
  );
}

export function UnitEditor({ sel }: { sel: UnitRef }) {
  const { state, actions, tools } = useApp();
  const tr = useT();
  const session = state.session.value;
  const layers = state.layers.value;
  if (!session || !layers || (sel.level !== 'facility' && sel.level !== 'community')) return null;
  if (session.active === BASELINE_ID) {
    return (
      <div class="sc-unit readonly" data-testid="unit-readonly">
        <span>{tr('scenario.ui.readOnly')}</span>{' '}
        <button
          type="button"
          data-testid="unit-new-scenario"
          onClick={() => {
            const names = new Set(session.scenarios.map((x) => x.name));
            let n = session.scenarios.length + 1;
            while (names.has(tr('scenario.ui.defaultName', { n }))) n++;
            tools.say(actions.newScenario(tr('scenario.ui.defaultName', { n })));
          }}
        >
          {tr('scenario.ui.new')}
        </button>
      </div>
    );
  }
  const name = session.scenarios.find((x) => x.id === session.active)?.name ?? '';
  // keyed by the feature object: after an edit (or undo) the form starts from the new values
  if (sel.level === 'facility') {
    const f = layers.facilities.find((x) => x.id === sel.id);
    return f ? (
      <details class="sc-unit-box" open>
        <summary>{tr('scenario.ui.edit.title', { name })}</summary>
        <FacilityEditor key={JSON.stringify([f.id, f.beds, f.nursingBeds, f.places, f.floorArea, f.landArea])} f={f} />
      </details>
    ) : null;
  }
  const c = layers.communities.find((x) => x.id === sel.id);
  // closed at first: a click on an area is mostly to read its verdicts below
  return c ? (
    <details class="sc-unit-box">
      <summary>{tr('scenario.ui.edit.title', { name })}</summary>
      <CommunityEditor key={JSON.stringify([c.id, c.type, c.households, c.population])} c={c} />
    </details>
  ) : null;
}
