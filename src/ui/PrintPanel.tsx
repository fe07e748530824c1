import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Popover } from './Popover';
import type { TFunction } from 'i18next';
import type { StyleSpecification } from 'maplibre-gl';
import { DPIS, pageLayout, PAPERS, type Dpi, type PaperId } from '../core/present/print-layout';
import { LAYERS } from '../data/layers';
import { SOURCES, type Source } from '../data/sources';
import { GROUP_CATEGORIES, GROUPS } from '../data/groups';
import { DISTRICT_CLASSES } from '../data/districts';
import { CATEGORY_COLORS, COLORS, DISTRICT_CLASS_COLORS } from '../map/palette';
import { MODE_COLORS } from '../core/report/mode-colors';
import { buildStyle, BLOCKS_SOURCE, DATA_SOURCES, type Lang } from '../map/style';
import { BASEMAPS } from '../map/basemaps';
import { currentMap, geoBaseUrl } from '../map/map-instance';
import type { LegendRow, PrintContent, PrintRequest } from '../map/print';
import { useLayerStore } from '../state/layers-store';
import { useBasemapStore } from '../state/basemap-store';
import { useExtrudeStore } from '../state/extrude-store';
import { useFilterStore } from '../state/filter-store';
import { useAnalysisStore } from '../state/analysis-store';
import { activeScenario, useDocumentStore } from '../state/document-store';
import { isEmpty, matchesGroup } from '../core/review/group-filter';
import { extrudeScaleText } from './ExtrudeControl';
import { download, safeFileName } from './download';

const PAPER_IDS = Object.keys(PAPERS) as PaperId[];

/** What the printed page says beside the map: legend, data-quality notes and sources, for what is shown. */
export function printContent(t: TFunction, lang: Lang, title: string): PrintContent {
  const en = lang === 'en';
  const visible = useLayerStore.getState().visible;
  const basemap = useBasemapStore.getState().choice;
  const online = basemap.id !== 'offline' && (basemap.id === 'osm' || basemap.tiandituKey.trim() !== '');
  const scenario = activeScenario(useDocumentStore.getState().doc);
  const filter = useFilterStore.getState().filter;
  const { spec, scale } = useExtrudeStore.getState();
  const shown = [...LAYERS].reverse().filter((l) => visible[l.id]);

  const legend: LegendRow[] = [];
  if (scenario.order.length) {
    legend.push({ kind: 'heading', text: t('print.blocks', { count: scenario.order.length }) });
    for (const m of ['remove', 'cut50', 'cut25', 'none'] as const)
      legend.push({ kind: 'item', text: t(`modes.${m}`), fill: MODE_COLORS[m], line: '#263238' });
  }
  for (const l of shown) {
    const name = en ? l.titleEn : l.titleZh;
    switch (l.id) {
      case 'zgc-groups':
        legend.push({ kind: 'heading', text: t('legend.groupsByCategory') });
        for (const c of GROUP_CATEGORIES)
          legend.push({
            kind: 'item',
            text: `${en ? c.en : c.id} (${c.count})`,
            fill: CATEGORY_COLORS[c.id],
            line: '#ffffff',
            dashed: true,
          });
        if (!isEmpty(filter)) legend.push({ kind: 'note', text: t('print.filtered') });
        break;
      case 'zgc-subparks':
        legend.push({
          kind: 'item',
          text: t('legend.subparks'),
          fill: COLORS.subparkFill,
          line: COLORS.subparkLine,
          dashed: true,
        });
        break;
      case 'zgc-scope':
        legend.push({ kind: 'item', text: t('legend.scope'), line: COLORS.scopeLine, dashed: true });
        break;
      case 'yizhuang':
        legend.push({ kind: 'heading', text: name });
        legend.push({
          kind: 'item',
          text: t('legend.yizhuangCore'),
          fill: COLORS.yizhuangCore,
          line: COLORS.yizhuangLine,
          dashed: true,
        });
        legend.push({
          kind: 'item',
          text: t('legend.yizhuangOuter'),
          fill: COLORS.yizhuangOuter,
          line: COLORS.yizhuangLine,
          dashed: true,
        });
        break;
      case 'districts':
        // Over an online basemap the districts are outlines only.
        if (online) legend.push({ kind: 'item', text: name, line: COLORS.districtLine });
        else {
          legend.push({ kind: 'heading', text: t('legend.districtClasses') });
          for (const c of DISTRICT_CLASSES)
            legend.push({
              kind: 'item',
              text: en ? c.en : c.id,
              fill: DISTRICT_CLASS_COLORS[c.id],
              line: COLORS.districtLine,
            });
        }
        break;
      default:
        break;
    }
  }
  if (spec && scale && scale.max > 0)
    legend.push({
      kind: 'note',
      text: extrudeScaleText(t, spec, scale, lang),
    });

  const notes = shown
    .filter((l) => l.geometryQuality === 'schematic')
    .map((l) => `${en ? l.titleEn : l.titleZh}${en ? ': ' : '：'}${en ? l.qualityNoteEn : l.qualityNoteZh}`);
  if (notes.length) notes.unshift(t('notice.schematic'));
  if (spec?.target === 'groups') notes.push(t('extrude.groupsSchematic'));

  const ids = new Set(shown.flatMap((l) => l.sources));
  // A citation list for officials: the works themselves, no internal tags.
  const sources = [...ids].flatMap((id) => {
    const s = (SOURCES as Record<string, Source>)[id];
    return s ? [s.citation] : [];
  });
  const base = BASEMAPS.find((b) => b.id === basemap.id)!;
  if (online)
    sources.push(
      t('print.basemapOnline', {
        name: en ? base.shortEn : base.shortZh,
        attribution: t(`print.attribution.${base.id}`),
      }),
    );
  if (scenario.order.length) sources.push(t('print.blocksSource'));

  const date = new Date().toISOString().slice(0, 10);
  return {
    title,
    subtitle: t('print.subtitle', { date }),
    legend,
    notes,
    // A heading, then one numbered line per source.
    sources: [t('print.sourcesHeading'), ...sources.map((s, k) => `${k + 1}. ${s}`)],
    north: en ? 'N' : '北',
    tiltedScaleNote: t('print.tilted'),
  };
}

/** The style to print: the screen's, with the blocks' data and none of the drawing engine's layers. */
function printStyle(lang: Lang): StyleSpecification {
  const { visible, opacity } = useLayerStore.getState();
  const style = buildStyle({
    lang,
    visible,
    opacity,
    geoBaseUrl: geoBaseUrl(),
    basemap: useBasemapStore.getState().choice,
  });
  const live = currentMap()?.getStyle();
  for (const id of DATA_SOURCES) if (live?.sources[id]) style.sources[id] = live.sources[id];
  return style;
}

function featureStates(): PrintRequest['featureStates'] {
  const filter = useFilterStore.getState().filter;
  const states: { source: string; id: string; state: Record<string, unknown> }[] = GROUPS.map((g) => ({
    source: 'zgc-groups',
    id: g.id,
    state: { dim: !matchesGroup(g, filter) },
  }));
  const selected = useAnalysisStore.getState().selectedId;
  if (selected) states.push({ source: BLOCKS_SOURCE, id: selected, state: { selected: true } });
  return states;
}

/** 导出图片: the current view as a PNG at print resolution, framed with title, legend, scale, north and notes. */
export function PrintButton() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [paper, setPaper] = useState<PaperId>('a4-landscape');
  const [dpi, setDpi] = useState<Dpi>(300);
  const [status, setStatus] = useState<{ kind: 'busy' | 'ok' | 'error'; text: string } | null>(null);
  const titleId = useId();

  const run = async () => {
    const live = currentMap();
    if (!live) return;
    const L = pageLayout(paper, dpi);
    const size = { width: L.width, height: L.height };
    setStatus({ kind: 'busy', text: t('print.busy', size) });
    try {
      const heading = title.trim() || t('print.defaultTitle');
      const { renderPrint } = await import('../map/print');
      const blob = await renderPrint(live, {
        paper,
        dpi,
        content: printContent(t, lang, heading),
        style: printStyle(lang),
        featureStates: featureStates(),
        columns: useExtrudeStore.getState().spec ? useExtrudeStore.getState().columns : [],
      });
      download(blob, `${safeFileName(heading)}-${paper}-${dpi}dpi.png`);
      setStatus({ kind: 'ok', text: t('print.done', size) });
    } catch (e) {
      setStatus({
        kind: 'error',
        text: t('print.failed', { message: e instanceof Error ? e.message : String(e) }),
      });
    }
  };

  return (
    <>
      <button type="button" className="lang-switch" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        {t('print.button')}
      </button>
      {open && (
        <Popover labelledBy={titleId} onClose={() => setOpen(false)}>
          <h2 id={titleId} className="popover-title">
            {t('print.heading')}
          </h2>
          <label>
            {t('print.title')}
            <input
              value={title}
              placeholder={t('print.defaultTitle')}
              onChange={(e) => setTitle(e.target.value)}
            />
          </label>
          <div className="print-options">
            <label>
              {t('print.paperLabel')}{' '}
              <select value={paper} onChange={(e) => setPaper(e.target.value as PaperId)}>
                {PAPER_IDS.map((p) => (
                  <option key={p} value={p}>
                    {t(`print.paper.${p}`)}
                  </option>
                ))}
              </select>
            </label>{' '}
            <label>
              {t('print.dpiLabel')}{' '}
              <select value={dpi} onChange={(e) => setDpi(Number(e.target.value) as Dpi)}>
                {DPIS.map((d) => (
                  <option key={d} value={d}>
                    {d} dpi
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p className="layer-note">
            {t('print.size', { width: pageLayout(paper, dpi).width, height: pageLayout(paper, dpi).height })}
          </p>
          <button type="button" onClick={() => void run()} disabled={status?.kind === 'busy'}>
            {t('print.export')}
          </button>{' '}
          <button type="button" onClick={() => setOpen(false)}>
            {t('share.close')}
          </button>
          {status?.kind === 'error' ? (
            <p role="alert">{status.text}</p>
          ) : (
            <p role="status">{status?.text ?? ''}</p>
          )}
        </Popover>
      )}
    </>
  );
}
