// What the import wizard shows as the importers word it: the fields a layer can map, where a
// problem is, how near two same-named records must be to count as one. The ui reaches io through
// this module; only the wizard (loaded when first opened) imports it, so none of it loads with the page.
export { mappableFields } from '../io/fields';
export { NAME_MATCH_METRES } from '../io/merge';
export { fieldName, problemLocation } from '../io/report';
export type { LayerKind, Problem, WebCoords } from '../io/types';
export type { ImportLayerInfo } from '../service/import-export';
