import { useEffect } from 'react';
import { activeScenario, useDocumentStore } from './document-store';
import { useAnalysisStore } from './analysis-store';
import { assess, suggestRetained } from '../workers/analysis-client';
import { scenarioCollection, scenarioInputs } from '../doc/model';

/** Re-assesses the active scenario in the worker whenever its blocks change. */
export function useAnalysis() {
  const scenario = useDocumentStore((s) => activeScenario(s.doc));
  useEffect(() => {
    let stale = false;
    const blocks = scenarioCollection(scenario);
    if (blocks.features.length === 0) {
      useAnalysisStore.getState().setReports([], null);
      useAnalysisStore.getState().setSuggestions(new Map());
      return;
    }
    useAnalysisStore.getState().setComputing(true);
    assess(blocks, true, scenarioInputs(scenario))
      .then((r) => {
        if (stale) return;
        useAnalysisStore.getState().setReports(r.reports, r.totals, r.problems);
        // Cut blocks without a planner's retained shape get a suggestion (slower: after the report).
        const items = r.reports
          .filter(
            (x) =>
              (x.mode === 'cut50' || x.mode === 'cut25') &&
              x.retainedKm2 !== null &&
              x.retainedKm2 > 0 &&
              x.retainedKm2 < x.areaKm2 &&
              !scenario.blocks[x.id]?.retained,
          )
          .map((x) => ({
            id: x.id,
            geometry: scenario.blocks[x.id]!.geometry,
            targetM2: x.retainedKm2! * 1e6,
          }));
        if (items.length === 0) return useAnalysisStore.getState().setSuggestions(new Map());
        return suggestRetained(items).then((res) => {
          if (!stale) useAnalysisStore.getState().setSuggestions(new Map(res.map((x) => [x.id, x])));
        });
      })
      .catch((e: unknown) => {
        if (!stale) {
          useAnalysisStore.getState().setComputing(false);
          useAnalysisStore
            .getState()
            .setImportMessage({ kind: 'error', text: String((e as Error).message ?? e) });
        }
      });
    return () => {
      stale = true;
    };
  }, [scenario]);
}
