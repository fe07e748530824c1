import type { MultiPolygon, Polygon } from 'geojson';
import type { PackedAreals } from '../core/geo/packed';
import type { PackedReports } from '../core/report/packed-reports';
import type { BlockInput, BlockReport, Totals } from '../core/report/evaluate-blocks';
import type { ImportErrorCode } from '../core/io/import-error';
import type { InputDatum } from '../core/io/read';
import type { CoordinateFix } from '../core/io/plausibility';
import type { BlockProblem, Repair } from '../core/validate/block-checks';
import type { Areal } from '../core/overlay/zones';
import type { ImportNote } from '../core/io/import-note';
import type { EvaluationParams } from '../core/rules/evaluation';

/** Messages between the page and the analysis worker. */

export type Request =
  | {
      id: number;
      type: 'import';
      file: File | Blob;
      name: string;
      encoding?: string;
      datum?: InputDatum;
      fix?: CoordinateFix;
      /** A Shapefile's datum shift to WGS84, when its .prj needs one and gives none. */
      towgs84?: number[];
    }
  | {
      id: number;
      type: 'assess';
      /** The blocks to assess, in order, by id. */
      order: string[];
      /**
       * Blocks the worker does not have yet (or has in another shape or name): the worker keeps the
       * blocks it was sent, so an edit sends one block, not all of them.
       */
      upserts: [id: string, name: string, geometry: Polygon | MultiPolygon][];
      totals: boolean;
      /** Evaluation inputs by block id (indicators entered in the table). */
      inputs?: [string, BlockInput][];
      /** How the evaluation reads the rule's open points (rounding of the bottom 5 %, normalisation). */
      evaluation?: EvaluationParams;
      /** Absolute URL of the embedded layers (public/geo/). */
      geoBaseUrl: string;
    }
  | {
      id: number;
      type: 'hold';
      /** Blocks for the next 'assess' request, sent ahead in pieces so no single message is large (no reply). */
      upserts: [id: string, name: string, geometry: Polygon | MultiPolygon][];
      /** Blocks whose geometries are packed on the page (an import's), sent packed: see HeldPack. */
      packs?: HeldPack[];
    }
  | {
      id: number;
      type: 'repair';
      /** Each block's geometry and the repairs to apply to it. */
      items: { id: string; geometry: Areal; repairs: Repair[] }[];
      /** Geometries other blocks' repairs refer to (cut-overlap). */
      others: [string, Areal][];
    }
  | {
      id: number;
      type: 'suggest-retained';
      /** Blocks the rule cuts back, with the area to keep. */
      items: { id: string; geometry: Areal; targetM2: number }[];
    };

/**
 * Blocks for the analysis whose geometries the page holds packed (an
 * import's, see core/geo/packed.ts): geometry i of the pack is block i's.
 * Sent as GeoJSON, each would have its coordinates built on the page for the
 * clone (≈ 50 MB for 100,000 blocks); packed, they are a few typed arrays.
 */
export interface HeldPack {
  ids: string[];
  names: string[];
  geometries: PackedAreals;
}

/**
 * Imported blocks, some thousands at a time: each one's properties, and the
 * geometries packed in typed arrays that move to the page without copying
 * (see core/geo/packed.ts). Geometries that cannot be packed (a third
 * coordinate) come as GeoJSON instead.
 */
export interface ImportedPiece {
  properties: Record<string, unknown>[];
  /** The features' own ids (GeoJSON `id`, KML Placemark `id`), when any feature has one. */
  ids?: (string | number | undefined)[];
  packed: PackedAreals | null;
  /** Only when `packed` is null. */
  geometries?: (Polygon | MultiPolygon)[];
}

/**
 * Reports, some thousands at a time, packed in typed arrays that move to the
 * page without copying (see core/report/packed-reports.ts); reports that
 * cannot be packed come as they are.
 */
export type ReportPiece = { packed: PackedReports } | { plain: BlockReport[] };

export interface WorkerErrorInfo {
  code: ImportErrorCode | 'internal';
  message: string;
  params: Record<string, string | number>;
}

export type Response =
  | { id: number; ok: true; type: 'import'; pieces: ImportedPiece[]; notes: ImportNote[] }
  | {
      id: number;
      ok: true;
      type: 'assess';
      reports: ReportPiece[];
      totals: Totals | null;
      /** Geometry checks over all blocks (only with totals: a full assessment). */
      problems: BlockProblem[];
    }
  | { id: number; ok: true; type: 'repair'; results: { id: string; geometry: Areal | null }[] }
  | {
      id: number;
      ok: true;
      type: 'suggest-retained';
      results: { id: string; geometry: Areal; areaM2: number }[];
    }
  | { id: number; ok: false; error: WorkerErrorInfo };

/**
 * A piece of a long list in a coming response, sent ahead so that neither
 * side spends one long task on one large message; the page appends the
 * pieces, in order, before the list the response itself carries.
 */
export interface ResponsePart {
  id: number;
  part: 'pieces' | 'reports' | 'problems';
  items: unknown[];
}

/** The start of the error an 'assess' request gets when it names a block the worker was never sent. */
export const MISSING_BLOCK = 'assess: block not sent:';
