import { describe, expect, it } from 'vitest';
import type { BlockReport } from '../core/report/evaluate-blocks';
import { plainReport } from '../core/report/packed-reports';
import {
  PIECE_PLAIN_REPORTS,
  PIECE_REPORTS,
  receivedReports,
  reportPieces,
  reportTransferables,
} from './report-pieces';

/** A report of a small block in 海淀园 (the figures need only be distinct). */
const report = (i: number): BlockReport => ({
  id: `b${i}`,
  name: `区块 ${i}`,
  mendedAreaKm2: null,
  areaKm2: 0.01 + i * 1e-6,
  areaHa: 1 + i * 1e-4,
  areaMu: 15 + i * 1e-3,
  planarAreaKm2: 0.01 + i * 1e-6,
  planarCrs: 'EPSG:4547',
  subparkId: 'haidian',
  subpark: '海淀园',
  subparkEn: 'Haidian Park',
  subparkOverlaps: [{ id: 'haidian', name: '海淀园', km2: 0.01 + i * 1e-6 }],
  shareOfSubpark: i * 1e-7,
  shareDenominator: 'measured',
  subparkAreaKm2: 174.2,
  sizeClass: 'small',
  mode: 'remove',
  retainedKm2: 0,
  removedKm2: 0.01 + i * 1e-6,
  districts: [{ id: 'haidian', name: '海淀区', km2: 0.01 + i * 1e-6 }],
  ecologicalKm2: 0,
  partlyEcologicalKm2: 0,
  zgcScopeKm2: 0.01,
  yizhuangKm2: {},
  nationalKm2: 0,
  evaluationClass: '城六区与亦庄',
  evaluation: null,
  transitionYears: null,
  status: 'preview',
  warnings: [],
});

/** Across a thread: what postMessage does to the pieces, buffers moved. */
const sent = <T>(x: T, transfer: ArrayBuffer[]) => structuredClone(x, { transfer });

describe('report pieces', () => {
  it('packs 5,000 reports a piece and gives them back in order on the page', () => {
    const reports = Array.from({ length: 12_000 }, (_, i) => report(i));
    const pieces = reportPieces(reports);
    expect(pieces.map((p) => ('packed' in p ? p.packed.count : -1))).toEqual([
      PIECE_REPORTS,
      PIECE_REPORTS,
      2_000,
    ]);
    const back = receivedReports(sent(pieces, reportTransferables(pieces)));
    expect(back.map(plainReport)).toEqual(reports);
  });

  it('sends reports it cannot pack as they are, in smaller pieces, with their repeated values shared', () => {
    const reports = Array.from({ length: 2_500 }, (_, i) => report(i));
    // A NaN cannot be told from a null in the pack: that piece goes unpacked.
    reports[7] = { ...reports[7]!, nationalKm2: NaN };
    const pieces = reportPieces(reports);
    expect(pieces.map((p) => ('plain' in p ? p.plain.length : -1))).toEqual([
      PIECE_PLAIN_REPORTS,
      PIECE_PLAIN_REPORTS,
      500,
    ]);
    expect(reportTransferables(pieces)).toEqual([]);
    const back = receivedReports(sent(pieces, []));
    expect(back).toEqual(reports);
    expect(back[7]!.nationalKm2).toBeNaN();
    expect(back[0]!.warnings).toBe(back[1]!.warnings);
  });
});
