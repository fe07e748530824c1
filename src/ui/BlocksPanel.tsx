import { useRef, useState } from 'react';
import { create } from 'zustand';
import type { InputDatum } from '../core/io/read';
import { useTranslation } from 'react-i18next';
import { download, safeFileName } from './download';
import type { TFunction } from 'i18next';
import type { CoordinateFix } from '../core/io/plausibility';
import { BEIJING_EXTENT } from '../core/geo/extent';
import { useViewStore } from '../state/view-store';
import { activeScenario, useDocumentStore } from '../state/document-store';
import { useAnalysisStore } from '../state/analysis-store';
import { useDrawStore, type DrawMode } from '../state/draw-store';
import {
  addBlocks,
  backupOf,
  freshIdSource,
  plainAttributes,
  readBackup,
  removeBlocks,
  restoreScenarios,
  withFreeIds,
  type Block,
} from '../doc/model';
import { timeSlices, yieldToPage } from '../util/tasks';
import { importFile, WorkerError } from '../workers/analysis-client';
import { importedFeatures } from '../workers/imported';
import { importErrorText, importNoteText } from './import-messages';
import { ScenarioBar } from './ScenarioBar';
import { BlocksTable } from './BlocksTable';
import { MODE_COLORS, RETAINED_COLOR } from '../map/style';
import { exportGeoJson } from '../core/io/export';
import { importedParts, type HeaderStyle } from '../core/io/block-fields';
import { preloadDrawing } from '../map/drawing-loader';
import { NeedsRepair } from './Verdict';

/** How to read lon/lat files that cannot say their datum (UI preference). */
export const useImportSettings = create<{
  datum: InputDatum;
  /** Attribute text encoding for files that do not say (Shapefiles without .cpg, CSV); '' = detect. */
  encoding: string;
  /** How CSV and Excel exports head ParkPlan's columns: in Chinese, or with their codes (pp_…). */
  headerStyle: HeaderStyle;
  setDatum: (d: InputDatum) => void;
  setEncoding: (e: string) => void;
  setHeaderStyle: (h: HeaderStyle) => void;
}>()((set) => ({
  datum: 'wgs84',
  encoding: '',
  headerStyle: 'zh',
  setDatum: (datum) => set({ datum }),
  setEncoding: (encoding) => set({ encoding }),
  setHeaderStyle: (headerStyle) => set({ headerStyle }),
}));

const ENCODINGS = ['', 'utf-8', 'gbk', 'gb18030', 'big5'] as const;

/** Backups are named *.parkplan.json so the importer knows them from GeoJSON without reading them. */
const BACKUP_SUFFIX = '.parkplan.json';

const EXPORT_KINDS = ['geojson', 'kml', 'zip', 'csv', 'xlsx'] as const;
type ExportKind = (typeof EXPORT_KINDS)[number];

/** The reading a 'misplaced' error suggests (sent as JSON text, as error params are strings). */
function parseFix(v: unknown): CoordinateFix | null {
  try {
    const f = JSON.parse(String(v)) as CoordinateFix;
    return typeof f.swap === 'boolean' ? f : null;
  } catch {
    return null;
  }
}

function parseProblems(v: unknown): { feature: number; code: string; at: [number, number] | null }[] {
  try {
    const rows = JSON.parse(String(v)) as [number, string, [number, number] | null][];
    return Array.isArray(rows) ? rows.map(([feature, code, at]) => ({ feature, code, at })) : [];
  } catch {
    return [];
  }
}

/** A place worth flying to: finite, and in or near Beijing (a swapped or projected one is not). */
const locatable = (at: [number, number] | null): at is [number, number] =>
  !!at &&
  at[0] >= BEIJING_EXTENT[0] &&
  at[0] <= BEIJING_EXTENT[2] &&
  at[1] >= BEIJING_EXTENT[1] &&
  at[1] <= BEIJING_EXTENT[3];

export function fixLabel(t: TFunction, f: CoordinateFix): string {
  return [
    ...(f.swap ? [t('import.fix.swap')] : []),
    ...(f.epsg ? [t('import.fix.gk', { epsg: f.epsg })] : []),
    ...(f.closeRings ? [t('import.fix.close')] : []),
  ].join(t('import.fix.and'));
}

/** Imports files through the worker; a bad file changes nothing and says why. */
export function useImport() {
  const { t } = useTranslation();
  /** A backup file: its scenarios are added beside the current ones (one undo takes them back). */
  const restore = async (file: File) => {
    const msg = useAnalysisStore.getState().setImportMessage;
    const backup = readBackup(await file.text());
    const doc = useDocumentStore.getState().doc;
    const c = backup && restoreScenarios(doc, backup, t('blocks.restoredSuffix'));
    if (!c) return msg({ kind: 'error', text: t('blocks.notBackup', { file: file.name }) });
    useDocumentStore.getState().commit(c);
    msg({ kind: 'ok', text: t('blocks.restored', { count: backup.scenarioOrder.length, file: file.name }) });
  };
  return async (files: FileList | File[], fix?: CoordinateFix, towgs84?: number[]) => {
    const msg = useAnalysisStore.getState().setImportMessage;
    for (const file of Array.from(files)) {
      if (file.name.toLowerCase().endsWith(BACKUP_SUFFIX)) {
        await restore(file);
        continue;
      }
      try {
        const settings = useImportSettings.getState();
        const { pieces, notes } = await importFile(file, {
          datum: settings.datum,
          ...(settings.encoding ? { encoding: settings.encoding } : {}),
          ...(fix ? { fix } : {}),
          ...(towgs84 ? { towgs84 } : {}),
        });
        // The blocks are made a slice at a time, so a large import never holds the page for long.
        await yieldToPage();
        const basis = useDocumentStore.getState().doc;
        const nextId = freshIdSource(basis);
        const blocks: Block[] = [];
        const slices = timeSlices();
        // One origin for all: a large import holds as few objects per block as it can.
        const origin = { kind: 'imported', file: file.name } as const;
        let k = 0;
        for (const f of importedFeatures(pieces)) {
          if (slices.due()) await slices.next();
          const parts = importedParts(plainAttributes(f.properties), `${file.name} #${k + 1}`, f.id);
          blocks.push({
            id: nextId(),
            name: parts.name,
            geometry: f.geometry,
            attributes: parts.attributes,
            origin,
            ...(parts.sourceId === undefined ? {} : { sourceId: parts.sourceId }),
          });
          k++;
        }
        // The document as it is now: a block drawn while the slices ran may have taken one of these ids.
        const doc = useDocumentStore.getState().doc;
        const placed = doc === basis ? blocks : withFreeIds(doc, blocks);
        // A large import is applied in slices: "imported" is said once the blocks are in.
        useDocumentStore.getState().commit(addBlocks(doc, placed, `import ${file.name}`));
        await useDocumentStore.getState().settled();
        msg({
          kind: 'ok',
          text: [
            t('import.done', { count: blocks.length, file: file.name }),
            ...notes.map((n) =>
              importNoteText(t, n, (fix) => {
                const f = parseFix(fix);
                return f ? fixLabel(t, f) : '';
              }),
            ),
          ].join(t('import.noteSeparator')),
        });
      } catch (e) {
        const info =
          e instanceof WorkerError ? e.info : { code: 'internal' as const, message: String(e), params: {} };
        const suggested =
          info.code === 'misplaced' || info.code === 'unclosed' ? parseFix(info.params.fix) : null;
        msg({
          kind: 'error',
          // The guess in the user's language, not the core's English.
          text: importErrorText(
            t,
            suggested ? { ...info, params: { ...info.params, guess: fixLabel(t, suggested) } } : info,
          ),
          ...(suggested ? { retry: { file, fix: suggested, label: fixLabel(t, suggested) } } : {}),
          ...(info.code === 'crs' && info.params.refusal === 'needs-towgs84' ? { shiftRetry: file } : {}),
          problems: parseProblems(info.params.list),
        });
      }
    }
  };
}

export function BlocksPanel() {
  const { t } = useTranslation();
  const scenario = useDocumentStore((s) => activeScenario(s.doc));
  const canUndo = useDocumentStore((s) => s.past.length > 0);
  const canRedo = useDocumentStore((s) => s.future.length > 0);
  const saved = useDocumentStore((s) => s.saved === s.revision);
  const storageProblem = useDocumentStore((s) => s.storageProblem);
  const analysisFailed = useAnalysisStore((s) => s.analysisFailed);
  const otherTab = useDocumentStore((s) => s.otherTab);
  const reports = useAnalysisStore((s) => s.reports);
  const totals = useAnalysisStore((s) => s.totals);
  const selectedId = useAnalysisStore((s) => s.selectedId);
  const select = useAnalysisStore((s) => s.select);
  const importMessage = useAnalysisStore((s) => s.importMessage);
  const drawMode = useDrawStore((s) => s.mode);
  const setDrawMode = useDrawStore((s) => s.setMode);
  const snapping = useDrawStore((s) => s.snapping);
  const drawMessage = useDrawStore((s) => s.message);
  const drawEngine = useDrawStore((s) => s.engine);
  const fileInput = useRef<HTMLInputElement>(null);
  const doImport = useImport();

  const datum = useImportSettings((s) => s.datum);
  const setDatum = useImportSettings((s) => s.setDatum);
  const encoding = useImportSettings((s) => s.encoding);
  const setEncoding = useImportSettings((s) => s.setEncoding);
  const headerStyle = useImportSettings((s) => s.headerStyle);
  const toggleDraw = (m: Exclude<DrawMode, 'idle' | 'edit'>) => setDrawMode(drawMode === m ? 'idle' : m);
  const exportAs = async (kind: ExportKind) => {
    const blocks = scenario.order.map((id) => scenario.blocks[id]!);
    let blob: Blob;
    try {
      switch (kind) {
        case 'geojson':
          blob = new Blob([exportGeoJson(blocks, reports)], { type: 'application/geo+json' });
          break;
        case 'csv': {
          const { exportCsv } = await import('../core/io/table-export');
          // Excel reads UTF-8 CSV correctly only with a byte-order mark.
          blob = new Blob(['\uFEFF' + exportCsv(blocks, reports, headerStyle)], {
            type: 'text/csv;charset=utf-8',
          });
          break;
        }
        case 'kml': {
          const { exportKml } = await import('../core/io/kml-export');
          blob = new Blob([exportKml(scenario.name, blocks, reports)], {
            type: 'application/vnd.google-earth.kml+xml',
          });
          break;
        }
        case 'zip': {
          const { exportShapefile } = await import('../core/io/shapefile-export');
          blob = new Blob([exportShapefile(safeFileName(scenario.name), blocks, reports) as BlobPart], {
            type: 'application/zip',
          });
          break;
        }
        case 'xlsx': {
          // The spreadsheet writer loads only when first used.
          const { exportXlsx } = await import('../core/io/xlsx-export');
          blob = await exportXlsx(blocks, reports, { style: headerStyle });
          break;
        }
      }
    } catch (e) {
      console.error('ParkPlan: the export failed:', e);
      useAnalysisStore.getState().setImportMessage({ kind: 'error', text: t('blocks.export.failed') });
      return;
    }
    download(blob, `${safeFileName(scenario.name)}.${kind}`);
  };
  const downloadBackup = () => {
    const blob = new Blob([backupOf(useDocumentStore.getState().doc)], { type: 'application/json' });
    download(blob, `ParkPlan-${new Date().toISOString().slice(0, 10)}${BACKUP_SUFFIX}`);
  };
  const deleteSelected = () => {
    if (!selectedId) return;
    const doc = useDocumentStore.getState().doc;
    useDocumentStore.getState().commit(removeBlocks(doc, [selectedId], 'delete'));
    select(null);
  };

  return (
    <section className="panel" aria-labelledby="blocks-heading">
      <h2 id="blocks-heading">{t('blocks.heading')}</h2>
      <ScenarioBar />
      <div className="toolbar" role="toolbar" aria-label={t('blocks.tools')}>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('blocks.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".geojson,.json,.zip,.kml,.kmz,.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/geo+json,application/json,application/zip,application/vnd.google-earth.kml+xml,application/vnd.google-earth.kmz"
          multiple
          hidden
          aria-label={t('blocks.importFile')}
          onChange={(e) => {
            if (e.target.files) void doImport(e.target.files);
            e.target.value = '';
          }}
        />
        {(['polygon', 'rectangle', 'freehand'] as const).map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={drawMode === m}
            onClick={() => toggleDraw(m)}
            {...preloadDrawing}
          >
            {t(`blocks.draw.${m}`)}
          </button>
        ))}
        <button type="button" onClick={() => useDocumentStore.getState().undo()} disabled={!canUndo}>
          {t('blocks.undo')}
        </button>
        <button type="button" onClick={() => useDocumentStore.getState().redo()} disabled={!canRedo}>
          {t('blocks.redo')}
        </button>
        <button type="button" onClick={deleteSelected} disabled={!selectedId}>
          {t('blocks.delete')}
        </button>
        <button type="button" onClick={downloadBackup}>
          {t('blocks.backup')}
        </button>
        {EXPORT_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            onClick={() => void exportAs(k)}
            disabled={scenario.order.length === 0}
          >
            {t(`blocks.export.${k}`)}
          </button>
        ))}
      </div>
      <label className="datum">
        <input
          type="checkbox"
          checked={snapping}
          onChange={(e) => useDrawStore.getState().setSnapping(e.target.checked)}
        />{' '}
        {t('edit.snapping')}
      </label>
      {drawMode !== 'idle' && drawEngine !== 'ready' && (
        <p className="message" role="status">
          {t('edit.engineLoading')}
        </p>
      )}
      {drawMessage && (
        <p className="message error" role="alert">
          {drawMessage}
        </p>
      )}
      <label className="datum">
        {t('blocks.datum.label')}{' '}
        <select value={datum} onChange={(e) => setDatum(e.target.value as InputDatum)}>
          <option value="wgs84">{t('blocks.datum.wgs84')}</option>
          <option value="gcj02">{t('blocks.datum.gcj02')}</option>
          <option value="bd09">{t('blocks.datum.bd09')}</option>
        </select>
      </label>
      <label className="datum">
        {t('blocks.encoding.label')}{' '}
        <select value={encoding} onChange={(e) => setEncoding(e.target.value)}>
          {ENCODINGS.map((e) => (
            <option key={e} value={e}>
              {e ? e.toUpperCase() : t('blocks.encoding.auto')}
            </option>
          ))}
        </select>
      </label>
      <label className="datum">
        {t('blocks.headers.label')}{' '}
        <select
          value={headerStyle}
          onChange={(e) => useImportSettings.getState().setHeaderStyle(e.target.value as HeaderStyle)}
        >
          <option value="zh">{t('blocks.headers.zh')}</option>
          <option value="codes">{t('blocks.headers.codes')}</option>
        </select>
      </label>
      {importMessage && (
        <p
          className={importMessage.kind === 'error' ? 'message error' : 'message'}
          role={importMessage.kind === 'error' ? 'alert' : 'status'}
        >
          {importMessage.text}
        </p>
      )}
      {importMessage?.problems && importMessage.problems.length > 0 && (
        <details className="import-problems">
          <summary>{t('import.problemList', { count: importMessage.problems.length })}</summary>
          <ul aria-label={t('import.problemList', { count: importMessage.problems.length })}>
            {importMessage.problems.map((p, i) => (
              <li key={i}>
                {t('import.problemAt', { feature: p.feature })}
                {t(`import.problem.${p.code}`, { defaultValue: p.code })}
                {locatable(p.at) && (
                  <button
                    type="button"
                    className="link"
                    onClick={() =>
                      useViewStore.getState().focusOn([p.at![0], p.at![1], p.at![0], p.at![1]], p.at)
                    }
                  >
                    {t('import.locate')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
      {importMessage?.shiftRetry && (
        <ShiftRetry onRetry={(p) => void doImport([importMessage.shiftRetry!], undefined, p)} />
      )}
      {importMessage?.retry && (
        <button
          type="button"
          onClick={() => void doImport([importMessage.retry!.file], importMessage.retry!.fix)}
        >
          {t('import.retry', { reading: importMessage.retry.label })}
        </button>
      )}
      {analysisFailed && (
        <p className="message error" role="alert">
          {t('blocks.analysisFailed')}
        </p>
      )}
      {storageProblem ? (
        <div className="message error" role="alert">
          {storageProblem.kind === 'quota'
            ? t('blocks.quota')
            : storageProblem.kind === 'write'
              ? t('blocks.saveError')
              : t('blocks.readError', {
                  what: storageProblem.id
                    ? t(`blocks.unreadable.${storageProblem.part!}`, { id: storageProblem.id })
                    : t('blocks.unreadable.some'),
                })}{' '}
          <button type="button" onClick={downloadBackup}>
            {t('blocks.backupNow')}
          </button>
        </div>
      ) : (
        <p className="layer-meta" role="status" aria-live="polite">
          {saved ? t('blocks.saved') : t('blocks.saving')}
        </p>
      )}
      {otherTab && (
        <p className="message" role="status">
          {otherTab.merged ? t('blocks.otherTabMerged') : t('blocks.otherTab')}{' '}
          <button type="button" onClick={() => useDocumentStore.getState().dismissOtherTab()}>
            {t('blocks.otherTabOk')}
          </button>
        </p>
      )}
      <BlocksTable />
      {scenario.order.length > 0 && (
        <ul className="legend" aria-label={t('blocks.legend.label')}>
          {(['remove', 'cut50', 'cut25', 'none'] as const).map((m) => (
            <li key={m}>
              <span className="swatch" style={{ background: MODE_COLORS[m] }} aria-hidden="true" />
              {t(`modes.${m}`)}
            </li>
          ))}
          <li>
            <span className="swatch" style={{ background: RETAINED_COLOR }} aria-hidden="true" />
            {t('blocks.legend.retained')}
          </li>
          <li>
            <span className="swatch fragile" aria-hidden="true" />
            {t('blocks.legend.fragile')}
          </li>
        </ul>
      )}
      {scenario.order.length === 0 && <p className="layer-note">{t('blocks.empty')}</p>}
      {totals && totals.bySubpark.length > 0 && (
        <details className="by-subpark">
          <summary>{t('blocks.bySubpark')}</summary>
          <table aria-label={t('blocks.bySubpark')}>
            <thead>
              <tr>
                <th scope="col">{t('blocks.col.subpark')}</th>
                <th scope="col">{t('scenarios.blocks')}</th>
                <th scope="col">{t('blocks.col.area')}</th>
                <th scope="col">{t('blocks.col.retained')}</th>
              </tr>
            </thead>
            <tbody>
              {totals.bySubpark.map((x) => (
                <tr key={x.id}>
                  <th scope="row">{x.id === '(none)' ? t('blocks.outside') : x.name}</th>
                  <td className="num">{x.blocks}</td>
                  <td className="num">{x.areaKm2.toFixed(3)}</td>
                  <td className="num">{x.retainedIfAppliedKm2.toFixed(3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {totals && (
        <p className="layer-meta">
          {t('blocks.totals', {
            count: totals.blockCount,
            union: totals.unionKm2.toFixed(3),
            national: totals.nationalOverlapKm2.toFixed(3),
            net: totals.netOfNationalKm2.toFixed(3),
          })}
        </p>
      )}
    </section>
  );
}

/** Follows the cursor while drawing: area, sub-park, share, verdict. */
export function DrawReadout() {
  const { t } = useTranslation();
  const r = useDrawStore((s) => s.readout);
  if (!r) return null;
  return (
    <div
      className="tooltip readout"
      role="status"
      aria-label={t('blocks.readout')}
      style={{ left: r.x + 16, top: r.y + 16 }}
    >
      <div className="tooltip-name">
        {r.mendedAreaKm2 !== null ? (
          <NeedsRepair mendedKm2={r.mendedAreaKm2} />
        ) : (
          <>
            {r.areaKm2.toFixed(4)} km² · {(r.areaKm2 * 100).toFixed(2)} {t('units.ha')} ·{' '}
            {(r.areaKm2 * 1500).toFixed(1)} {t('units.mu')}
          </>
        )}
      </div>
      <div className="tooltip-detail">
        {r.subpark ?? t('blocks.outside')}
        {r.share !== null &&
          ` · ${(r.share * 100).toFixed(2)}% (${t(`blocks.denominator.${r.shareDenominator}`)})`}
      </div>
      <div className="tooltip-detail">{r.mode ? t(`modes.${r.mode}`) : t('modes.none')}</div>
    </div>
  );
}

/** Seven parameters (TOWGS84) for a Shapefile whose datum needs them, and a re-import with them. */
function ShiftRetry({ onRetry }: { onRetry: (towgs84: number[]) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const values = text.split(',').map((x) => Number(x.trim()));
  const valid =
    (values.length === 3 || values.length === 7) && values.every(Number.isFinite) && text.trim() !== '';
  return (
    <form
      className="datum"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onRetry(values);
      }}
    >
      <label>
        {t('import.towgs84.label')}{' '}
        <input
          value={text}
          onChange={(e) => setText(e.target.value)}
          inputMode="decimal"
          aria-invalid={text.trim() !== '' && !valid}
          placeholder="dx,dy,dz,rx,ry,rz,s"
        />
      </label>
      {text.trim() !== '' && !valid && <span className="message error">{t('import.towgs84.invalid')}</span>}
      <button type="submit" disabled={!valid}>
        {t('import.towgs84.retry')}
      </button>
    </form>
  );
}
