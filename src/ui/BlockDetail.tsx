import { NeedsRepair } from './Verdict';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activeScenario, useDocumentStore } from '../state/document-store';
import { useAnalysisStore } from '../state/analysis-store';
import { useDrawStore } from '../state/draw-store';
import { splitBlock, updateBlock, type Block } from '../doc/model';
import { geometryAreaKm2 } from '../core/geo/area';
import { MODE_COLORS } from '../map/style';
import { preloadDrawing } from '../map/drawing-loader';

/** Planner's retained area may differ from the rule's by this fraction before it is flagged. */
const RETAINED_TOLERANCE = 0.001;

const isSimplePolygon = (g: Block['geometry'] | undefined) =>
  g?.type === 'Polygon' && g.coordinates.length === 1;

/**
 * The selected block: its name (editable), figures, warnings and attributes,
 * and what can be done to its shape: edit vertices, redraw, split, and the
 * retained part of a block the rule cuts back (adopt the suggestion, edit,
 * redraw or clear).
 */
export function BlockDetail() {
  const { t } = useTranslation();
  const selectedId = useAnalysisStore((s) => s.selectedId);
  const block = useDocumentStore((s) => (selectedId ? activeScenario(s.doc).blocks[selectedId] : undefined));
  const report = useAnalysisStore((s) => (selectedId ? s.reports.get(selectedId) : undefined));
  const suggestion = useAnalysisStore((s) => (selectedId ? s.suggestions.get(selectedId) : undefined));
  const drawMode = useDrawStore((s) => s.mode);
  const target = useDrawStore((s) => s.target);
  const edit = useDrawStore((s) => s.edit);

  if (!block) return null;
  const commit = (next: Block, label: string) => {
    const doc = useDocumentStore.getState().doc;
    useDocumentStore.getState().commit(updateBlock(doc, next, label));
  };
  const cut = report?.mode === 'cut50' || report?.mode === 'cut25';
  const retainedShape = block.retained ?? suggestion?.geometry;
  const retainedKm2 = block.retained
    ? geometryAreaKm2(block.retained)
    : suggestion
      ? suggestion.areaM2 / 1e6
      : null;
  const required = report?.retainedKm2 ?? null;
  const retainedOff =
    block.retained && required !== null && retainedKm2 !== null
      ? Math.abs(retainedKm2 - required) > required * RETAINED_TOLERANCE
      : false;
  const busy = drawMode !== 'idle';
  const draw = useDrawStore.getState();
  const attrs = Object.entries(block.attributes);

  return (
    <section className="panel block-detail" aria-labelledby="detail-heading">
      <h2 id="detail-heading">{t('detail.heading')}</h2>
      {/* Remounted when the name changes elsewhere (undo), so the field shows it. */}
      <NameField key={`${block.id}:${block.name}`} block={block} />
      {report?.mendedAreaKm2 != null && (
        <p className="message error">
          <NeedsRepair mendedKm2={report.mendedAreaKm2} />
        </p>
      )}
      {report && report.mendedAreaKm2 === null && (
        <p className="layer-meta">
          {report.areaKm2.toFixed(4)} km² · {report.areaHa.toFixed(2)} {t('units.ha')} ·{' '}
          {report.areaMu.toFixed(1)} {t('units.mu')} · {report.subpark ?? t('blocks.outside')}
          {report.shareOfSubpark !== null && ` · ${(report.shareOfSubpark * 100).toFixed(2)}%`} ·{' '}
          {report.mode ? t(`modes.${report.mode}`) : t('modes.none')}
        </p>
      )}
      {report && report.warnings.length > 0 && (
        <ul className="warnings" aria-label={t('detail.warnings')}>
          {report.warnings.map((w) => (
            <li key={w}>{t(`warnings.${w}`, { defaultValue: w })}</li>
          ))}
        </ul>
      )}
      <div className="toolbar" role="toolbar" aria-label={t('detail.shapeTools')}>
        <button
          type="button"
          disabled={busy || !isSimplePolygon(block.geometry)}
          title={isSimplePolygon(block.geometry) ? undefined : t('edit.notSimple')}
          {...preloadDrawing}
          onClick={() => draw.startEdit({ blockId: block.id, field: 'geometry' })}
        >
          {t('detail.editVertices')}
        </button>
        <button
          type="button"
          aria-pressed={drawMode === 'polygon' && target.kind === 'replace'}
          {...preloadDrawing}
          disabled={busy && !(drawMode === 'polygon' && target.kind === 'replace')}
          onClick={() =>
            drawMode === 'polygon'
              ? draw.setMode('idle')
              : draw.setMode('polygon', { kind: 'replace', blockId: block.id })
          }
        >
          {t('detail.redraw')}
        </button>
        {block.geometry.type === 'MultiPolygon' && block.geometry.coordinates.length > 1 && (
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              const c = splitBlock(useDocumentStore.getState().doc, block.id);
              if (c) useDocumentStore.getState().commit(c);
            }}
          >
            {t('detail.split', { count: block.geometry.coordinates.length })}
          </button>
        )}
      </div>
      {cut && (
        <div className="retained" role="group" aria-label={t('detail.retained')}>
          <p className="layer-meta">
            <span className="swatch" style={{ background: MODE_COLORS[report!.mode!] }} aria-hidden="true" />
            {retainedShape
              ? t(block.retained ? 'detail.retainedPlanned' : 'detail.retainedSuggested', {
                  area: retainedKm2!.toFixed(4),
                  required: required!.toFixed(4),
                })
              : t('detail.retainedComputing', { required: required!.toFixed(4) })}
          </p>
          {retainedOff && (
            <p className="message error" role="alert">
              {t('detail.retainedOff', { area: retainedKm2!.toFixed(4), required: required!.toFixed(4) })}
            </p>
          )}
          <div className="toolbar">
            {!block.retained && (
              <button
                type="button"
                disabled={busy || !suggestion}
                onClick={() => commit({ ...block, retained: suggestion!.geometry }, 'adopt retained')}
              >
                {t('detail.adopt')}
              </button>
            )}
            <button
              type="button"
              disabled={busy || !isSimplePolygon(retainedShape)}
              {...preloadDrawing}
              onClick={() => draw.startEdit({ blockId: block.id, field: 'retained' })}
            >
              {t('detail.editRetained')}
            </button>
            <button
              type="button"
              aria-pressed={drawMode === 'polygon' && target.kind === 'retained'}
              {...preloadDrawing}
              disabled={busy && !(drawMode === 'polygon' && target.kind === 'retained')}
              onClick={() =>
                drawMode === 'polygon'
                  ? draw.setMode('idle')
                  : draw.setMode('polygon', { kind: 'retained', blockId: block.id })
              }
            >
              {t('detail.redrawRetained')}
            </button>
            {block.retained && (
              <button
                type="button"
                disabled={busy}
                onClick={() => {
                  const { retained: _dropped, ...rest } = block;
                  void _dropped;
                  commit(rest, 'clear retained');
                }}
              >
                {t('detail.clearRetained')}
              </button>
            )}
          </div>
        </div>
      )}
      {edit && edit.blockId === block.id && (
        <div className="edit-bar" role="group" aria-label={t('edit.session')}>
          <p className="layer-meta">{t('edit.help')}</p>
          <button type="button" onClick={() => draw.endEdit(true)}>
            {t('edit.save')}
          </button>
          <button type="button" onClick={() => draw.endEdit(false)}>
            {t('edit.cancel')}
          </button>
        </div>
      )}
      {attrs.length > 0 && (
        <details>
          <summary>{t('detail.attributes', { count: attrs.length })}</summary>
          <dl className="attributes">
            {attrs.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v === null ? '—' : String(v)}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </section>
  );
}

/** The block's name, saved on Enter or when the field loses focus; Esc restores it. */
function NameField({ block }: { block: Block }) {
  const { t } = useTranslation();
  const [name, setName] = useState(block.name);
  const save = () => {
    const n = name.trim();
    if (!n || n === block.name) return setName(block.name);
    const doc = useDocumentStore.getState().doc;
    useDocumentStore.getState().commit(updateBlock(doc, { ...block, name: n }, 'rename'));
  };
  return (
    <label className="field">
      {t('detail.name')}
      <input
        value={name}
        onChange={(e) => setName(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
          if (e.key === 'Escape') setName(block.name);
        }}
      />
    </label>
  );
}
