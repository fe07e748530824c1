import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { ImportError } from './import-error';

/** What a zip may unpack to: a zip bomb stops here, in memory, before anything is inflated. */
// 256 MB holds a district's parcels many times over and keeps a browser worker's memory in bounds.
export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 2000;

/**
 * The entries of a zip whose names match `keep`, bounded in count and in the
 * bytes actually inflated (a header may lie about sizes: they are counted as
 * they come out, and inflating stops at the limit). Nothing is written
 * anywhere, so names like ../../x are harmless.
 */
export function boundedUnzip(
  bytes: Uint8Array,
  file: string,
  keep: RegExp,
  limit = MAX_UNZIPPED_BYTES,
  /** Inflate (and count) every entry, keeping only those `keep` matches: for files another library will unpack whole. */
  countAll = false,
): Record<string, Uint8Array> {
  const tooLarge = () =>
    new ImportError(
      'too-large',
      `${file} unpacks to more than ${limit / 2 ** 20} MB or ${MAX_ZIP_ENTRIES} files`,
      {
        file,
        mb: limit / 2 ** 20,
      },
    );
  let total = 0;
  let count = 0;
  const out: Record<string, Uint8Array> = {};
  const unzip = new Unzip((entry: UnzipFile) => {
    if (++count > MAX_ZIP_ENTRIES) throw tooLarge();
    const kept = keep.test(entry.name);
    if (!kept && !countAll) return;
    const chunks: Uint8Array[] = [];
    entry.ondata = (err, chunk, final) => {
      if (err) throw err;
      total += chunk.length;
      if (total > limit) throw tooLarge();
      if (!kept) return;
      chunks.push(chunk);
      if (final) {
        const whole = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
        let at = 0;
        for (const c of chunks) {
          whole.set(c, at);
          at += c.length;
        }
        out[entry.name] = whole;
      }
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError('unreadable', `${file} is not a readable zip file (${(e as Error).message})`, {
      file,
      reason: 'zip',
    });
  }
  if (count === 0)
    throw new ImportError('unreadable', `${file} is not a readable zip file (no entries found)`, {
      file,
      reason: 'zip',
    });
  return out;
}
