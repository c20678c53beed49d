// The layer switches the app keeps (the map's builders read them as a type: src/map/layers.ts).

/** The toggles the layer panel offers; each switches one or more map layers. */
export type LayerGroup = 'streets' | 'communities' | 'facilities' | 'circles' | 'outside';
export const LAYER_GROUPS: readonly LayerGroup[] = ['streets', 'communities', 'circles', 'outside', 'facilities'];

/** the service-circle groups the layer panel switches one by one */
export { CIRCLE_GROUPS } from '../service/service-areas';
