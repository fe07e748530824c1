import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activeScenario, useDocumentStore } from '../state/document-store';
import { useAnalysisStore } from '../state/analysis-store';
import { updateBlock, type Block } from '../doc/model';
import { NeedsRepair, Verdict } from './Verdict';
import { useViewStore } from '../state/view-store';
import { bboxOf, polygonsOf } from '../core/overlay/zones';
import { EvaluationSettings } from './EvaluationSettings';
import { useRowWindow } from './fixed-rows';
import { INDICATORS, type IndicatorId } from '../core/rules/evaluation';
import type { BlockReport } from '../core/report/evaluate-blocks';

type SortKey = 'name' | 'subpark' | 'area' | 'share' | 'mode' | 'retained' | 'warnings' | 'score' | 'status';
type View = 'rule' | 'evaluation';

/** Sort order of verdicts: the harshest first when descending. */
const MODE_SEVERITY: Record<string, number> = { none: 0, cut25: 1, cut50: 2, remove: 3 };
const STATUS_SEVERITY: Record<string, number> = { preview: 0, kept: 1, transition: 2, rectify: 3, due: 4 };
const ROW_HEIGHT = 30;

const fmt = (x: number | null | undefined, d = 3) => (x === null || x === undefined ? '—' : x.toFixed(d));

function sortValue(key: SortKey, b: Block, r: BlockReport | undefined): string | number {
  switch (key) {
    case 'name':
      return b.name;
    case 'subpark':
      return r?.subpark ?? '';
    case 'area':
      return r && Number.isFinite(r.areaKm2) ? r.areaKm2 : -1;
    case 'share':
      return r?.shareOfSubpark ?? -1;
    case 'mode':
      return MODE_SEVERITY[r?.mode ?? 'none'] ?? 0;
    case 'retained':
      return r?.retainedKm2 ?? -1;
    case 'warnings':
      return r?.warnings.length ?? 0;
    case 'score':
      return r?.evaluation?.score ?? -1;
    case 'status':
      return STATUS_SEVERITY[r?.status ?? 'preview'] ?? 0;
  }
}

/**
 * The block table: the rule's view (name, sub-park, area, share, verdict,
 * retained) or the evaluation's (status, score, rank and the ten seed-002
 * indicators, editable). Sortable by every figure, virtualised (only the rows
 * in view are in the DOM, so 100,000 blocks scroll smoothly), in step with the
 * map's selection, and widenable into a drawer over the map.
 */
export function BlocksTable() {
  const { t, i18n } = useTranslation();
  const scenario = useDocumentStore((s) => activeScenario(s.doc));
  const reports = useAnalysisStore((s) => s.reports);
  const selectedId = useAnalysisStore((s) => s.selectedId);
  const select = useAnalysisStore((s) => s.select);
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 } | null>(null);
  const [view, setView] = useState<View>('rule');
  const [wide, setWide] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);

  const rows = useMemo(() => {
    if (!sort) return scenario.order;
    return [...scenario.order].sort((a, b) => {
      const x = sortValue(sort.key, scenario.blocks[a]!, reports.get(a));
      const y = sortValue(sort.key, scenario.blocks[b]!, reports.get(b));
      const c =
        typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      return c * sort.dir;
    });
  }, [sort, scenario, reports]);

  // Only the rows in view are rendered.
  const { first, end, padTop, padBottom, scrollToIndex } = useRowWindow(scrollRef, rows.length, ROW_HEIGHT);
  // A block selected on the map scrolls into view here.
  useEffect(() => {
    if (!selectedId) return;
    const i = rows.indexOf(selectedId);
    if (i >= 0) scrollToIndex(i);
  }, [selectedId, rows, scrollToIndex]);

  const header = (key: SortKey | null, label: string, title?: string) => (
    <th
      key={label}
      scope="col"
      title={title}
      aria-sort={key && sort?.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
    >
      {key ? (
        <button
          type="button"
          className="sort"
          onClick={() =>
            setSort((s) =>
              s?.key === key
                ? { key, dir: s.dir === 1 ? -1 : 1 }
                : { key, dir: key === 'name' || key === 'subpark' ? 1 : -1 },
            )
          }
        >
          {label}
        </button>
      ) : (
        label
      )}
    </th>
  );

  const setInput = (b: Block, patch: NonNullable<Block['inputs']>) => {
    const doc = useDocumentStore.getState().doc;
    const inputs = { ...b.inputs, ...patch };
    useDocumentStore.getState().commit(updateBlock(doc, { ...b, inputs }, 'edit indicators'));
  };
  const setIndicator = (b: Block, id: IndicatorId, text: string) => {
    const value = text.trim() === '' ? null : Number(text);
    if (value !== null && !Number.isFinite(value)) return;
    if ((b.inputs?.indicators?.[id] ?? null) === value) return;
    setInput(b, { indicators: { ...b.inputs?.indicators, [id]: value } });
  };

  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const columns = view === 'rule' ? 7 : 5 + INDICATORS.length;

  return (
    <div className={wide ? 'blocks-table-wrap wide' : 'blocks-table-wrap'}>
      <div className="toolbar" role="toolbar" aria-label={t('table.tools')}>
        <div role="radiogroup" aria-label={t('table.view')}>
          {(['rule', 'evaluation'] as const).map((v) => (
            <label key={v}>
              <input type="radio" name="table-view" checked={view === v} onChange={() => setView(v)} />{' '}
              {t(`table.views.${v}`)}
            </label>
          ))}
        </div>
        <button type="button" aria-pressed={wide} onClick={() => setWide((w) => !w)}>
          {t('table.wide')}
        </button>
      </div>
      {view === 'evaluation' && <EvaluationSettings />}
      <div className="table-scroll" ref={scrollRef}>
        <table className="blocks-table" aria-label={t('blocks.table')} aria-rowcount={rows.length + 1}>
          <thead>
            <tr aria-rowindex={1}>
              {header('name', t('blocks.col.name'))}
              {view === 'rule'
                ? [
                    header('subpark', t('blocks.col.subpark')),
                    header('area', t('blocks.col.area')),
                    header('share', t('blocks.col.share')),
                    header('mode', t('blocks.col.mode')),
                    header('retained', t('blocks.col.retained')),
                    header('warnings', t('table.col.warnings')),
                  ]
                : [
                    header('status', t('table.col.status')),
                    header('score', t('table.col.score')),
                    header(null, t('table.col.rank')),
                    header(null, t('table.col.rectificationFailed')),
                    ...INDICATORS.map((ind) =>
                      header(
                        null,
                        lang === 'en' ? ind.en : ind.zh,
                        `${ind.zh} · ${ind.en} · ${ind.weight * 100}%`,
                      ),
                    ),
                  ]}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={columns} style={{ height: padTop }} />
              </tr>
            )}
            {rows.slice(first, end).map((id, k) => {
              const index = first + k;
              const b = scenario.blocks[id]!;
              const r = reports.get(id);
              return (
                <tr
                  key={id}
                  aria-rowindex={index + 2}
                  aria-selected={selectedId === id}
                  className={selectedId === id ? 'selected' : undefined}
                  onClick={() => {
                    // Chosen in the table: the map shows where it is.
                    select(id);
                    useViewStore.getState().focusOn(bboxOf(polygonsOf(b.geometry)));
                  }}
                  title={r?.warnings.map((w) => t(`warnings.${w}`, { defaultValue: w })).join('；')}
                >
                  <th scope="row">{b.name}</th>
                  {view === 'rule' ? (
                    <>
                      <td>{r?.subpark ?? '—'}</td>
                      <td className="num">
                        {r?.mendedAreaKm2 != null ? (
                          <NeedsRepair mendedKm2={r.mendedAreaKm2} />
                        ) : (
                          fmt(r?.areaKm2)
                        )}
                      </td>
                      <td className="num">
                        {r?.shareOfSubpark == null ? '—' : `${(r.shareOfSubpark * 100).toFixed(1)}%`}
                      </td>
                      <td>
                        <Verdict report={r} />
                        {r?.warnings.some((w) => w.startsWith('near-')) && (
                          <span className="badge">{t('blocks.fragile')}</span>
                        )}
                      </td>
                      <td className="num">{fmt(r?.retainedKm2)}</td>
                      <td className="warnings-cell">
                        {r?.warnings.map((w) => t(`warnings.${w}`, { defaultValue: w })).join('；')}
                      </td>
                    </>
                  ) : (
                    <>
                      <td>{r ? t(`table.status.${r.status}`) : '…'}</td>
                      <td className="num">{fmt(r?.evaluation?.score, 1)}</td>
                      <td className="num">
                        {r?.evaluation ? `${r.evaluation.rank}/${r.evaluation.classSize}` : '—'}
                      </td>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('table.rectificationFailedFor', { name: b.name })}
                          checked={!!b.inputs?.rectificationFailed}
                          onChange={(e) => setInput(b, { rectificationFailed: e.target.checked })}
                        />
                      </td>
                      {INDICATORS.map((ind) => (
                        <td key={ind.id} className="num">
                          <input
                            // Remounts when the stored value changes (undo), so the field shows it.
                            key={`${ind.id}:${b.inputs?.indicators?.[ind.id] ?? ''}`}
                            className="cell-input"
                            type="number"
                            inputMode="decimal"
                            aria-label={`${b.name} ${lang === 'en' ? ind.en : ind.zh}`}
                            defaultValue={b.inputs?.indicators?.[ind.id] ?? ''}
                            onBlur={(e) => setIndicator(b, ind.id, e.target.value)}
                            onKeyDown={(e) => {
                              if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
                            }}
                          />
                        </td>
                      ))}
                    </>
                  )}
                </tr>
              );
            })}
            {padBottom > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={columns} style={{ height: padBottom }} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
