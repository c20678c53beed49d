// The main map's handle for saved views and print: its extent now and a way to frame one.
// MapPane sets it when it creates the map and clears it when the map goes.
import type { MapHandle } from '../../state/views';

export const mainMap: { current: MapHandle | null } = { current: null };
