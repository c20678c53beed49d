// Gives proj4 to crs.ts. Imported by the readers' synchronous entry (read.ts) and loaded on first
// need by read-lazy.ts, so proj4 is a chunk of its own in the app.
import proj4 from 'proj4';
import { useProj4 } from './crs';

useProj4(proj4);
