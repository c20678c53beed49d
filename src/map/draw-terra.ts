// terra-draw set up for the app's drawings (src/map/draw.ts loads this chunk with the first drawing):
// point, polygon (self-crossing outlines refused as drawn) and select (drag a point, reshape a polygon).
import type { Map as MaplibreMap } from 'maplibre-gl';
import { TerraDraw, TerraDrawPointMode, TerraDrawPolygonMode, TerraDrawSelectMode, ValidateNotSelfIntersecting } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';

const COLOUR = '#7b2cbf';

export function newTerraDraw(map: MaplibreMap): TerraDraw {
  return new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: 7 }),
    modes: [
      new TerraDrawPointMode({ styles: { pointColor: COLOUR, pointWidth: 7, pointOutlineColor: '#ffffff', pointOutlineWidth: 2 } }),
      // a self-crossing outline is refused as it is drawn (the click that would cross does nothing)
      new TerraDrawPolygonMode({
        validation: (f, ctx) => (ctx.updateType === 'provisional' ? { valid: true } : ValidateNotSelfIntersecting(f)),
        styles: { fillColor: COLOUR, fillOpacity: 0.2, outlineColor: COLOUR, outlineWidth: 2, closingPointColor: COLOUR },
      }),
      new TerraDrawSelectMode({
        flags: {
          point: { feature: { draggable: true } },
          polygon: { feature: { coordinates: { draggable: true, midpoints: true, deletable: true } } },
        },
        styles: { selectedPointColor: COLOUR, selectedPointWidth: 9, selectedPointOutlineColor: '#ffffff', selectedPointOutlineWidth: 2 },
        allowManualDeselection: false,
      }),
    ],
  });
}
