import { create } from 'zustand';
import type { BlockReport, Totals } from '../core/report/evaluate-blocks';
import type { BlockProblem } from '../core/validate/block-checks';
import type { Areal } from '../core/overlay/zones';
import type { CoordinateFix } from '../core/io/plausibility';

export interface Suggestion {
  readonly geometry: Areal;
  readonly areaM2: number;
  /** The block outline and retained area the shape was computed for: it is stale once either changes. */
  readonly forGeometry: Areal;
  readonly targetM2: number;
}

/** Derived data: the worker's report for the active scenario's blocks, and UI selection. */
export interface AnalysisState {
  reports: ReadonlyMap<string, BlockReport>;
  totals: Totals | null;
  problems: readonly BlockProblem[];
  /** Suggested retained shapes of cut blocks (inward buffers), by block id, with the outline and target they were made for. */
  suggestions: ReadonlyMap<string, Suggestion>;
  computing: boolean;
  /** The last analysis failed (its reason is in the console): the page says so; the next change tries again. */
  analysisFailed: boolean;
  selectedId: string | null;
  importMessage: {
    kind: 'error' | 'ok';
    text: string;
    /** A reading of the coordinates that would put them in Beijing, offered as a one-click re-import. */
    retry?: { file: File; fix: CoordinateFix; label: string };
    /** A Shapefile whose datum needs seven parameters the file does not give: offered again with the user's. */
    shiftRetry?: File;
    /** The file's problems (up to 50), each with its feature number and, where known, its place. */
    problems?: readonly { feature: number; code: string; at: [number, number] | null }[];
  } | null;
  setReports: (
    r: ReadonlyMap<string, BlockReport>,
    t: Totals | null,
    problems?: readonly BlockProblem[],
  ) => void;
  setComputing: (c: boolean) => void;
  setAnalysisFailed: (f: boolean) => void;
  setSuggestions: (s: ReadonlyMap<string, Suggestion>) => void;
  select: (id: string | null) => void;
  setImportMessage: (m: AnalysisState['importMessage']) => void;
}

export const useAnalysisStore = create<AnalysisState>()((set) => ({
  reports: new Map(),
  totals: null,
  problems: [],
  suggestions: new Map(),
  computing: false,
  analysisFailed: false,
  selectedId: null,
  importMessage: null,
  setReports: (r, totals, problems = []) =>
    set({ reports: r, totals, problems, computing: false, analysisFailed: false }),
  setComputing: (computing) => set({ computing }),
  setAnalysisFailed: (analysisFailed) => set({ analysisFailed }),
  setSuggestions: (suggestions) => set({ suggestions }),
  select: (selectedId) => set({ selectedId }),
  setImportMessage: (importMessage) => set({ importMessage }),
}));
