// Components reach the app (createApp: state, actions, each feature's state, the map's handles)
// through one context instead of prop chains or module-level singletons.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { App } from '../app';
import { t } from '../i18n';

export type AppCtx = App;

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
