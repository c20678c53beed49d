// Apart from the OSM readers, so the importer can name it without loading them.

/** Required by the Open Database Licence wherever OSM data is shown. */
export const OSM_ATTRIBUTION = '© OpenStreetMap contributors, ODbL 1.0 (openstreetmap.org/copyright)';
