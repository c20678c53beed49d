// The page's side of the shared workspace (SharedDeps['app']) for tests that open nothing: no open
// data, no scenario, year 2025.
import type { SharedDeps } from '../src/state/workspace-shared';

export const noOpenApp: SharedDeps['app'] = {
  dataProject: async () => null,
  openBaseline: async () => {},
  openScenario: () => null,
  importScenario: async () => ({ ok: false, message: 'not here' }),
  year: () => 2025,
  projectFile: () => null,
};
