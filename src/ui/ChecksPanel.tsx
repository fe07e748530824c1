import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { activeScenario, useDocumentStore } from '../state/document-store';
import { useAnalysisStore } from '../state/analysis-store';
import { useViewStore } from '../state/view-store';
import { updateBlocks, type Block, type Scenario } from '../doc/model';
import { SAFE_REPAIRS, type BlockProblem, type Repair } from '../core/validate/block-problems';
import type { Areal } from '../core/overlay/zones';
import { repairInWorker } from '../workers/analysis-client';
import { formatNumber } from '../util/format';

/** The text of one problem, in the UI language. */
export function problemText(t: TFunction, p: BlockProblem, scenario: Scenario): string {
  const other =
    typeof p.params.other === 'string' ? (scenario.blocks[p.params.other]?.name ?? p.params.other) : '';
  return t(`checks.code.${p.code}`, {
    count: Number(p.params.count ?? 0),
    area: Number(p.params.areaM2 ?? 0).toFixed(1),
    width: Number(p.params.widthM ?? 0).toFixed(2),
    other,
  });
}

/**
 * Problems listed at a time. An import can bring thousands (9,000 overlaps among 10,000 blocks
 * in the benchmark); listing them all made a DOM of ~30,000 nodes, re-rendered on every edit,
 * that slowed every pointer move while drawing. More come a page at a time, on request.
 */
export const PROBLEMS_PAGE = 100;

const isPoint = (b: BlockProblem['bbox']) => b[2] - b[0] < 1e-9 && b[3] - b[1] < 1e-9;

/**
 * Problems with the active scenario's blocks, each with its place (click to
 * zoom) and, where safe, a one-click repair. Repairs run in the worker and
 * land as one undoable change; a repair that would leave nothing is refused.
 */
export function ChecksPanel() {
  const { t, i18n } = useTranslation();
  const problems = useAnalysisStore((s) => s.problems);
  const computing = useAnalysisStore((s) => s.computing);
  const scenario = useDocumentStore((s) => activeScenario(s.doc));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [shown, setShown] = useState(PROBLEMS_PAGE);
  // After "list more", focus goes to the first newly listed problem (the button may be gone).
  const listRef = useRef<HTMLUListElement>(null);
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    const k = focusFrom.current;
    if (k === null) return;
    focusFrom.current = null;
    listRef.current?.querySelectorAll(':scope > li')[k]?.querySelector<HTMLElement>('button')?.focus();
  }, [shown]);

  const locate = (p: BlockProblem) => {
    useAnalysisStore.getState().select(p.blockId);
    const [w, s, e, n] = p.bbox;
    useViewStore
      .getState()
      .focusOn(p.bbox, isPoint(p.bbox) || p.code === 'overlap' ? [(w + e) / 2, (s + n) / 2] : null);
  };

  const run = async (wanted: readonly BlockProblem[], label: string) => {
    const doc = useDocumentStore.getState().doc;
    const sc = activeScenario(doc);
    const byBlock = new Map<string, Repair[]>();
    for (const p of wanted)
      if (p.repair) byBlock.set(p.blockId, [...(byBlock.get(p.blockId) ?? []), p.repair]);
    const sent = new Map([...byBlock.keys()].map((id) => [id, sc.blocks[id]?.geometry]));
    const others: [string, Areal][] = wanted.flatMap((p) =>
      p.repair?.kind === 'cut-overlap' && sc.blocks[p.repair.other]
        ? [[p.repair.other, sc.blocks[p.repair.other]!.geometry] as [string, Areal]]
        : [],
    );
    setBusy(true);
    setMessage(null);
    try {
      const results = await repairInWorker(
        [...byBlock].flatMap(([id, repairs]) =>
          sent.get(id) ? [{ id, geometry: sent.get(id)!, repairs }] : [],
        ),
        others,
      );
      const now = useDocumentStore.getState().doc;
      const cur = activeScenario(now);
      // If the blocks changed while the worker was busy, the repair would overwrite that edit: refuse.
      if (
        now.activeScenarioId !== sc.id ||
        results.some((r) => cur.blocks[r.id]?.geometry !== sent.get(r.id))
      ) {
        setMessage({ error: true, text: t('checks.stale') });
        return;
      }
      const empty = results.filter((r) => !r.geometry).map((r) => cur.blocks[r.id]!.name);
      const next: Block[] = results
        .filter((r) => r.geometry)
        .map((r) => ({ ...cur.blocks[r.id]!, geometry: r.geometry! }));
      if (next.length) useDocumentStore.getState().commit(updateBlocks(now, next, label));
      setMessage(
        empty.length
          ? { error: true, text: t('checks.wouldVanish', { names: empty.join('、') }) }
          : { error: false, text: t('checks.repaired', { count: next.length }) },
      );
    } catch (e) {
      setMessage({ error: true, text: t('checks.failed', { message: (e as Error).message }) });
    } finally {
      setBusy(false);
    }
  };

  const safe = problems.filter((p) => p.repair && SAFE_REPAIRS.has(p.repair.kind));
  const errors = problems.filter((p) => p.severity === 'error').length;

  return (
    <details className="panel checks" open aria-labelledby="checks-heading">
      <summary>
        <h2 id="checks-heading">
          {t('checks.heading', { count: problems.length })}
          {errors > 0 && <span className="badge error">{t('checks.errors', { count: errors })}</span>}
        </h2>
      </summary>
      {problems.length === 0 ? (
        <p className="layer-note">{scenario.order.length ? t('checks.none') : t('checks.noBlocks')}</p>
      ) : (
        <>
          <button
            type="button"
            disabled={busy || computing || safe.length === 0}
            onClick={() => void run(safe, 'repair all')}
          >
            {t('checks.repairAll', { count: safe.length })}
          </button>
          <ul className="problems" aria-label={t('checks.list')} ref={listRef}>
            {problems.slice(0, shown).map((p, i) => {
              const name = scenario.blocks[p.blockId]?.name ?? p.blockId;
              const text = problemText(t, p, scenario);
              return (
                <li key={`${p.blockId}-${p.code}-${i}`} className={p.severity}>
                  <button
                    type="button"
                    className="link"
                    onClick={() => locate(p)}
                    aria-label={t('checks.locate', { name, problem: text })}
                  >
                    {name}
                  </button>{' '}
                  <span>{text}</span>
                  {p.repair && (
                    <button
                      type="button"
                      disabled={busy || computing}
                      onClick={() => void run([p], `repair ${p.code}`)}
                      aria-label={t(`checks.repair.${p.repair.kind}`) + ` — ${name}`}
                    >
                      {t(`checks.repair.${p.repair.kind}`)}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          {problems.length > shown && (
            <p className="layer-note">
              {t('checks.shown', {
                shown: formatNumber(shown, i18n.language),
                total: formatNumber(problems.length, i18n.language),
              })}{' '}
              <button
                type="button"
                className="link"
                onClick={() => {
                  focusFrom.current = shown;
                  setShown(shown + PROBLEMS_PAGE);
                }}
              >
                {t('checks.more', { count: Math.min(PROBLEMS_PAGE, problems.length - shown) })}
              </button>
            </p>
          )}
        </>
      )}
      {message && (
        <p className={message.error ? 'message error' : 'message'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </details>
  );
}
