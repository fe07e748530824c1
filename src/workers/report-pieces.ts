import type { BlockReport } from '../core/report/evaluate-blocks';
import { packReports, reportBuffers, unpackReports } from '../core/report/packed-reports';
import { shareValues } from './shared-values';
import { chunkByWeight } from '../util/tasks';
import type { ReportPiece } from './protocol';

/**
 * An assessment's reports on their way from the worker to the page: packed
 * in pieces in the worker, made into reports as each piece arrives on the
 * page (see core/report/packed-reports.ts).
 */

/** Reports per packed piece: their numbers move, their distinct strings are cloned (a few milliseconds). */
export const PIECE_REPORTS = 5_000;
/** Reports per piece of reports that could not be packed, which are cloned whole. */
export const PIECE_PLAIN_REPORTS = 1_000;

/** Worker side: the reports in pieces, packed where they can be. */
export function reportPieces(reports: readonly BlockReport[]): ReportPiece[] {
  const pieces: ReportPiece[] = [];
  for (let k = 0; k < reports.length; k += PIECE_REPORTS) {
    const run = reports.slice(k, k + PIECE_REPORTS);
    const packed = packReports(run);
    if (packed) pieces.push({ packed });
    else for (const plain of chunkByWeight(run, () => 1, PIECE_PLAIN_REPORTS)) pieces.push({ plain });
  }
  return pieces;
}

/** What a message carrying these pieces can move rather than copy. */
export function reportTransferables(pieces: readonly ReportPiece[]): ArrayBuffer[] {
  return pieces.flatMap((p) => ('packed' in p ? reportBuffers(p.packed) : []));
}

/** What is each report's own (every other value is shared as it arrives: see shared-values.ts). */
const REPORT_OWN: ReadonlySet<string> = new Set(['id', 'name']);

/** Page side: the reports of pieces just received, in order. */
export function receivedReports(pieces: readonly ReportPiece[]): BlockReport[] {
  return pieces.flatMap((p) =>
    'packed' in p ? unpackReports(p.packed) : p.plain.map((r) => shareValues(r, REPORT_OWN)),
  );
}
