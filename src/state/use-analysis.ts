import { useEffect } from 'react';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { activeScenario, useDocumentStore } from './document-store';
import { useAnalysisStore } from './analysis-store';
import { assess } from '../workers/analysis-client';

/** Blocks of the active scenario as GeoJSON, in display order. */
export function scenarioBlocks(): FeatureCollection<Polygon | MultiPolygon> {
  const s = activeScenario(useDocumentStore.getState().doc);
  return {
    type: 'FeatureCollection',
    features: s.order.map((id): Feature<Polygon | MultiPolygon> => ({
      type: 'Feature',
      id,
      properties: { id, name: s.blocks[id]!.name },
      geometry: s.blocks[id]!.geometry,
    })),
  };
}

/** Re-assesses the active scenario in the worker whenever its blocks change. */
export function useAnalysis() {
  const scenario = useDocumentStore((s) => activeScenario(s.doc));
  useEffect(() => {
    let stale = false;
    const blocks = scenarioBlocks();
    if (blocks.features.length === 0) {
      useAnalysisStore.getState().setReports([], null);
      return;
    }
    useAnalysisStore.getState().setComputing(true);
    assess(blocks)
      .then((r) => {
        if (!stale) useAnalysisStore.getState().setReports(r.reports, r.totals);
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
