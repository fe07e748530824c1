import { useEffect } from 'react';
import { activeScenario, useDocumentStore } from './document-store';
import { useAnalysisStore } from './analysis-store';
import { useEvaluationStore } from './evaluation-store';
import { assess, suggestRetained } from '../workers/analysis-client';
import { blockInput } from '../doc/model';
import { mapInSlices } from '../util/tasks';
import type { BlockReport } from '../core/report/evaluate-blocks';

/** Re-assesses the active scenario in the worker whenever its blocks change. */
export function useAnalysis() {
  const scenario = useDocumentStore((s) => activeScenario(s.doc));
  const evaluation = useEvaluationStore((s) => s.params);
  useEffect(() => {
    let stale = false;
    if (scenario.order.length === 0) {
      useAnalysisStore.getState().setReports(new Map(), null);
      useAnalysisStore.getState().setSuggestions(new Map());
      return;
    }
    useAnalysisStore.getState().setComputing(true);
    // What goes to the worker is gathered in slices, after the commit's own task (100,000 blocks take a while).
    const gather = async () => {
      // The blocks themselves: the analysis takes id, name and geometry, so nothing is made per block.
      const blocks = await mapInSlices(
        scenario.order,
        (id) => scenario.blocks[id],
        () => stale,
      );
      const inputs =
        blocks &&
        (await mapInSlices(
          scenario.order,
          (id) => blockInput(scenario, id),
          () => stale,
        ));
      return blocks && inputs ? { blocks, inputs } : null;
    };
    gather()
      .then((g) => (g ? assess(g.blocks, true, g.inputs, evaluation) : null))
      .then(async (r) => {
        if (!r || stale) return;
        // Indexed by id, and the cut blocks found, in slices: 100,000 reports take a while.
        const reports = new Map<string, BlockReport>();
        if (
          !(await mapInSlices(
            r.reports,
            (x) => void reports.set(x.id, x),
            () => stale,
          ))
        )
          return;
        useAnalysisStore.getState().setReports(reports, r.totals, r.problems);
        // Cut blocks without a planner's retained shape get a suggestion (slower: after the report).
        const items = await mapInSlices(
          r.reports,
          (x) =>
            (x.mode === 'cut50' || x.mode === 'cut25') &&
            x.retainedKm2 !== null &&
            x.retainedKm2 > 0 &&
            x.retainedKm2 < x.areaKm2 &&
            !scenario.blocks[x.id]?.retained
              ? { id: x.id, geometry: scenario.blocks[x.id]!.geometry, targetM2: x.retainedKm2 * 1e6 }
              : undefined,
          () => stale,
        );
        if (!items) return;
        // Keep the suggestions still valid (same outline, same target); the rest are recomputed.
        const store = useAnalysisStore.getState();
        const kept = new Map(
          items.flatMap((it) => {
            const s = store.suggestions.get(it.id);
            return s && s.forGeometry === it.geometry && Math.abs(s.targetM2 - it.targetM2) < 1e-6
              ? [[it.id, s] as const]
              : [];
          }),
        );
        store.setSuggestions(kept);
        // The selected block first, then in order; results appear as they come.
        const selected = store.selectedId;
        const todo = items
          .filter((it) => !kept.has(it.id))
          .sort((a, b) => Number(b.id === selected) - Number(a.id === selected));
        const byId = new Map(items.map((it) => [it.id, it]));
        return suggestRetained(
          todo,
          (results) => {
            const next = new Map(useAnalysisStore.getState().suggestions);
            for (const r of results) {
              const it = byId.get(r.id)!;
              next.set(r.id, { ...r, forGeometry: it.geometry, targetM2: it.targetM2 });
            }
            useAnalysisStore.getState().setSuggestions(next);
          },
          () => stale,
        );
      })
      .catch((e: unknown) => {
        if (!stale) {
          // The page says it in its own words; the exception is for a maintainer's console.
          console.error('ParkPlan: the analysis failed:', e);
          useAnalysisStore.getState().setComputing(false);
          useAnalysisStore.getState().setAnalysisFailed(true);
        }
      });
    return () => {
      stale = true;
    };
  }, [scenario, evaluation]);
}
