import { unzipSync } from 'fflate';
import { ImportError } from './import-error';

/** What a zip may unpack to: a zip bomb stops here, in memory, before anything is inflated. */
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 2000;

/**
 * The entries of a zip whose names match `keep`, bounded in count and
 * unpacked size. Nothing is written anywhere, so names like ../../x are harmless.
 */
export function boundedUnzip(
  bytes: Uint8Array,
  file: string,
  keep: RegExp,
  limit = MAX_UNZIPPED_BYTES,
): Record<string, Uint8Array> {
  let total = 0;
  let count = 0;
  try {
    return unzipSync(bytes, {
      filter: (f) => {
        count++;
        total += f.originalSize;
        if (count > MAX_ZIP_ENTRIES || total > limit) {
          throw new ImportError(
            'too-large',
            `${file} unpacks to more than ${limit / 2 ** 20} MB or ${MAX_ZIP_ENTRIES} files`,
            {
              file,
              mb: limit / 2 ** 20,
            },
          );
        }
        return keep.test(f.name);
      },
    });
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError('unreadable', `${file} is not a readable zip file (${(e as Error).message})`, {
      file,
    });
  }
}
