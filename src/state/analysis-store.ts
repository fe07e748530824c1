import { create } from 'zustand';
import type { BlockReport, Totals } from '../core/report/evaluate-blocks';
import type { BlockProblem } from '../core/validate/block-checks';

/** Derived data: the worker's report for the active scenario's blocks, and UI selection. */
export interface AnalysisState {
  reports: ReadonlyMap<string, BlockReport>;
  totals: Totals | null;
  problems: readonly BlockProblem[];
  computing: boolean;
  selectedId: string | null;
  importMessage: { kind: 'error' | 'ok'; text: string } | null;
  setReports: (r: BlockReport[], t: Totals | null, problems?: readonly BlockProblem[]) => void;
  setComputing: (c: boolean) => void;
  select: (id: string | null) => void;
  setImportMessage: (m: AnalysisState['importMessage']) => void;
}

export const useAnalysisStore = create<AnalysisState>()((set) => ({
  reports: new Map(),
  totals: null,
  problems: [],
  computing: false,
  selectedId: null,
  importMessage: null,
  setReports: (r, totals, problems = []) =>
    set({ reports: new Map(r.map((x) => [x.id, x])), totals, problems, computing: false }),
  setComputing: (computing) => set({ computing }),
  select: (selectedId) => set({ selectedId }),
  setImportMessage: (importMessage) => set({ importMessage }),
}));
