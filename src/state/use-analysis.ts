import { useEffect } from 'react';
import { activeScenario, useDocumentStore } from './document-store';
import { useAnalysisStore } from './analysis-store';
import { assess } from '../workers/analysis-client';
import { scenarioCollection } from '../doc/model';

/** Re-assesses the active scenario in the worker whenever its blocks change. */
export function useAnalysis() {
  const scenario = useDocumentStore((s) => activeScenario(s.doc));
  useEffect(() => {
    let stale = false;
    const blocks = scenarioCollection(scenario);
    if (blocks.features.length === 0) {
      useAnalysisStore.getState().setReports([], null);
      return;
    }
    useAnalysisStore.getState().setComputing(true);
    assess(blocks)
      .then((r) => {
        if (!stale) useAnalysisStore.getState().setReports(r.reports, r.totals, r.problems);
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
