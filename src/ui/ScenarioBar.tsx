import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentStore } from '../state/document-store';
import { useAnalysisStore } from '../state/analysis-store';
import { createScenario, renameScenario, scenarioBlocks, scenarioInputs, type Scenario } from '../doc/model';
import { assess } from '../workers/analysis-client';
import type { BlockReport, Totals } from '../core/report/evaluate-blocks';

/** Named scenarios: switch, create, duplicate, rename, and compare two side by side. */
export function ScenarioBar() {
  const { t } = useTranslation();
  const doc = useDocumentStore((s) => s.doc);
  const active = doc.scenarios[doc.activeScenarioId]!;
  const [otherId, setOtherId] = useState('');
  type Result = { for: Scenario; reports: Map<string, BlockReport>; totals: Totals | null };
  const [result, setResult] = useState<Result | null>(null);
  const reports = useAnalysisStore((s) => s.reports);
  const totals = useAnalysisStore((s) => s.totals);

  const otherScenario = otherId ? doc.scenarios[otherId] : undefined;
  useEffect(() => {
    let stale = false;
    if (!otherScenario || otherScenario.order.length === 0) return;
    void assess(scenarioBlocks(otherScenario), true, scenarioInputs(otherScenario)).then((r) => {
      if (!stale)
        setResult({
          for: otherScenario,
          reports: new Map(r.reports.map((x) => [x.id, x])),
          totals: r.totals,
        });
    });
    return () => {
      stale = true;
    };
  }, [otherScenario]);
  // The comparison shown is the one computed for the scenario selected now.
  const other: Omit<Result, 'for'> | null = !otherScenario
    ? null
    : otherScenario.order.length === 0
      ? { reports: new Map(), totals: null }
      : result?.for === otherScenario
        ? result
        : null;

  const commit = useDocumentStore.getState().commit;
  const nextName = () => t('scenarios.defaultName', { n: doc.scenarioOrder.length + 1 });
  const differing = other
    ? [...new Set([...active.order, ...(otherScenario?.order ?? [])])].filter(
        (id) => (reports.get(id)?.mode ?? null) !== (other.reports.get(id)?.mode ?? null),
      )
    : [];
  const label = (id: string) => active.blocks[id]?.name ?? otherScenario?.blocks[id]?.name ?? id;
  const mode = (r: BlockReport | undefined) =>
    r ? (r.mode ? t(`modes.${r.mode}`) : t('modes.none')) : t('scenarios.absent');

  return (
    <div className="scenarios">
      <label>
        {t('scenarios.current')}{' '}
        <select value={active.id} onChange={(e) => useDocumentStore.getState().setActive(e.target.value)}>
          {doc.scenarioOrder.map((id) => (
            <option key={id} value={id}>
              {doc.scenarios[id]!.name}
            </option>
          ))}
        </select>
      </label>
      <div className="toolbar">
        <button type="button" onClick={() => commit(createScenario(doc, nextName()))}>
          {t('scenarios.new')}
        </button>
        <button
          type="button"
          onClick={() =>
            commit(createScenario(doc, t('scenarios.copyName', { name: active.name }), active.id))
          }
        >
          {t('scenarios.duplicate')}
        </button>
      </div>
      <label>
        {t('scenarios.name')}{' '}
        <input
          // Uncontrolled, re-created when the scenario or its name changes (undo included).
          key={`${active.id}:${active.name}`}
          defaultValue={active.name}
          onBlur={(e) => {
            const name = e.target.value.trim();
            if (name && name !== active.name) commit(renameScenario(doc, active.id, name));
          }}
          onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
        />
      </label>
      <label>
        {t('scenarios.compareWith')}{' '}
        <select value={otherId} onChange={(e) => setOtherId(e.target.value)}>
          <option value="">{t('scenarios.none')}</option>
          {doc.scenarioOrder
            .filter((id) => id !== active.id)
            .map((id) => (
              <option key={id} value={id}>
                {doc.scenarios[id]!.name}
              </option>
            ))}
        </select>
      </label>
      {otherScenario && other && (
        <section className="compare" aria-label={t('scenarios.comparison')}>
          <table>
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col">{active.name}</th>
                <th scope="col">{otherScenario.name}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('scenarios.blocks')}</th>
                <td>{active.order.length}</td>
                <td>{otherScenario.order.length}</td>
              </tr>
              <tr>
                <th scope="row">{t('scenarios.union')}</th>
                <td>{totals?.unionKm2.toFixed(3) ?? '0.000'}</td>
                <td>{other.totals?.unionKm2.toFixed(3) ?? '0.000'}</td>
              </tr>
              <tr>
                <th scope="row">{t('scenarios.retained')}</th>
                <td>{totals?.retainedIfAllAppliedKm2.toFixed(3) ?? '0.000'}</td>
                <td>{other.totals?.retainedIfAllAppliedKm2.toFixed(3) ?? '0.000'}</td>
              </tr>
            </tbody>
          </table>
          <p>{t('scenarios.differing', { count: differing.length })}</p>
          <ul>
            {differing.map((id) => (
              <li key={id}>
                {label(id)}: {mode(reports.get(id))} → {mode(other.reports.get(id))}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
