// A choice of the baseline or any scenario of the project, by name (names render as text).
import { BASELINE_ID } from '../../core/scenario/scenarios';
import { useT } from '../context';
import { usePresent } from './wire';

export function useSideName(): (id: string) => string {
  const tr = useT();
  const { deps } = usePresent();
  const scenarios = deps.scenarios();
  return (id) => (id === BASELINE_ID ? tr('present.baseline') : (scenarios.find((s) => s.id === id)?.name ?? id));
}

export function ScenarioSelect({ value, onChange, testid, label }: { value: string; onChange: (id: string) => void; testid: string; label: string }) {
  const tr = useT();
  const { deps } = usePresent();
  const scenarios = deps.scenarios();
  return (
    <label class="param">
      <span>{label}</span>
      <select data-testid={testid} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value={BASELINE_ID}>{tr('present.baseline')}</option>
        {scenarios.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}
