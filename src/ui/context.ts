// Components reach state and actions through one context instead of prop chains.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { t } from '../i18n';
import type { Actions } from '../state/actions';
import type { AppState } from '../state/app-state';

export interface AppCtx {
  state: AppState;
  actions: Actions;
}

export const AppContext = createContext<AppCtx | null>(null);

export function useApp(): AppCtx {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp() outside <AppContext.Provider>');
  return ctx;
}

/** t() bound to the current language; reading lang subscribes the component to it. */
export function useT(): (key: string, args?: Record<string, string | number>) => string {
  const { state } = useApp();
  const lang = state.lang.value;
  return (key, args) => t(lang, key, args);
}
