// The main map's capture for the PNG export. MapPane sets it when it creates the map (and clears
// it when the map goes); the export menu calls it.
export const mapCapture: { current: ((pixelRatio: number) => Promise<HTMLCanvasElement>) | null } = { current: null };
