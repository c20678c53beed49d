// The import wizard's and the exports' state, made by createApp and reached through useImport().
import type { ImportUi } from '../../state/import-apply';
import { useApp } from '../context';

export function useImport(): ImportUi {
  return useApp().import;
}
