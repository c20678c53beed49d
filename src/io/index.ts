// Public API of the importers and exporters. Pure functions on bytes: the same calls run in Node
// (CLI, tests), in the worker and in the page. See docs/import-export.md.
//
//   const r = readFile(name, bytes, { crs?, coords?, onProgress? });      // parse → WGS84 layers
//   if (!r.ok) show(tm(lang, r.error));                                      // one precise message
//   const mapping = guessMapping(r.layers[0].columns, 'facilities');          // the user may fix it
//   const out = importLayer(r.layers[0], { kind: 'facilities', file: name, mapping, area });
//   show(out.report);                                                         // before anything changes
//   layers = acceptImport(layers, out, userChoice);                           // 'good' or 'cancel'
export { readFile, formatOf, type Sidecars } from './read';
export { guessMapping, layoutKey, mappableFields, normalizeName, FIELD_ALIASES, NUMBER_FIELDS } from './fields';
export { importLayer, acceptImport, type ImportOptions, type ImportFileResult } from './import-layer';
export { mergeLayer, IMPORT_MODES, NAME_MATCH_METRES, type ImportMode, type ImportPlan, type RemovedItem } from './merge';
export { importFile } from './import-file';
export { createImportSession, type ImportSession, type SessionRead } from './session';
export { rememberMapping, recallMapping, type MappingStore } from './mapping-memory';
export { areaBox, layerSummary, referencePositions, type LayerSummary } from './summary';
export type { BBox } from './geometry';
export { formatReport, formatProblem, problemLocation } from './report';
export { crsFromUser, crsFromPrj, gaussKrugerDef, guessCrs } from './crs';
export { toWgs84, fromWgs84, shiftHint, coordsFromNames, type ShiftHint } from './webmap';
export { detectEncoding, decodeText } from './bytes';
export { toCsv, toCsvText, toXlsx, type ExportTable, type HeaderBlock, type CellValue } from './export/table';
export { layerToGeoJSON, layerToTable, importRecord, type ImportRecord } from './export/model';
export { resultTables, headerBlock, RESULT_LEVELS, type RuleNamer } from './export/results';
export { gapsGeoJSON, splitGaps, type GapProps, type ServiceArea } from './export/gaps';
export * from './types';
