// Every zip-based format (zipped Shapefile, KMZ, XLSX/ODS) is opened here, under one cap on the
// bytes it may inflate to (MAX_UNZIPPED). The sizes come from the zip's central directory and are
// added up before anything is inflated, so a zip bomb is refused at once; an entry that lies about
// its size cannot grow past it either (fflate inflates into a buffer of the declared size).
import { unzipSync, zipSync } from 'fflate';
import { MAX_UNZIPPED } from '../../core/limits';
import { errorMessage } from '../../core/errors';
import { fail, IoError } from '../errors';

export interface ZipEntry {
  name: string;
  /** uncompressed bytes, as the central directory declares them */
  originalSize: number;
}

/** The entries of an archive, without inflating anything. */
export function zipEntries(file: string, b: Uint8Array): ZipEntry[] {
  const out: ZipEntry[] = [];
  try {
    unzipSync(b, {
      filter: (f) => {
        out.push({ name: f.name, originalSize: f.originalSize });
        return false;
      },
    });
  } catch (e) {
    fail('io.err.zipCorrupt', { file, detail: errorMessage(e) });
  }
  return out;
}

/** Inflates the entries `keep` accepts (pictures and other files are never decompressed), or
 *  refuses the archive when they would pass MAX_UNZIPPED together. */
export function unzip(file: string, b: Uint8Array, keep: (name: string) => boolean = () => true): Record<string, Uint8Array> {
  const total = zipEntries(file, b).reduce((n, e) => n + (keep(e.name) ? e.originalSize : 0), 0);
  if (total > MAX_UNZIPPED) fail('io.err.zipTooLarge', { file, mb: Math.round(total / 2 ** 20), limit: MAX_UNZIPPED / 2 ** 20 });
  try {
    return unzipSync(b, { filter: (f) => keep(f.name) });
  } catch (e) {
    if (e instanceof IoError) throw e;
    return fail('io.err.zipCorrupt', { file, detail: errorMessage(e) });
  }
}

/**
 * A workbook's zip inflated here under the cap and stored again uncompressed, for SheetJS: its own
 * inflater trusts no size and would run a bomb to gigabytes. Not a zip (.xls): returned as is.
 */
export function defusedWorkbook(file: string, b: Uint8Array): Uint8Array {
  if (!(b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b)) return b;
  return zipSync(unzip(file, b), { level: 0 });
}
