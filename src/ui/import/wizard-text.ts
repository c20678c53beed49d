// Words the wizard shows instead of the importers' own: the importers' messages also serve the
// command line and name its flags (--crs, --x); the wizard says where on screen to fix the same
// thing (a twin message `importui.<key>` where one exists). Value lists (facility kinds, types)
// are shown by their Chinese names, never by the model's codes.
import { COMMUNITY_TYPES, FACILITY_KINDS, type Msg } from '../../core/model';
import { hasKey, t, tm, type Lang } from '../../i18n';
import type { LayerKind } from '../../state/import-view';

export function wizardText(lang: Lang, m: Msg): string {
  const twin = `importui.${m.key}`;
  return hasKey(twin) ? t(lang, twin, m.args) : tm(lang, m);
}

export interface Choice {
  value: string;
  label: string;
}

/** the values a field takes, by name, when it is a list (facility kind, community or street type) */
export function valueChoices(kind: LayerKind, field: string, lang: Lang): Choice[] | null {
  if (kind === 'facilities' && field === 'kind') return FACILITY_KINDS.map((k) => ({ value: k, label: t(lang, `kind.${k}`) }));
  if (kind === 'communities' && field === 'type') return COMMUNITY_TYPES.map((k) => ({ value: k, label: t(lang, `importui.value.type.${k}`) }));
  if (kind === 'streets' && field === 'type') return ['street', 'town'].map((k) => ({ value: k, label: t(lang, `importui.value.type.${k}`) }));
  return null;
}

/** "养老机构、托育机构 …" for a message's list of accepted values */
export function valueNames(kind: LayerKind, field: string, lang: Lang): string | null {
  const c = valueChoices(kind, field, lang);
  return c ? c.map((x) => x.label).join(lang === 'zh' ? '、' : ', ') : null;
}
