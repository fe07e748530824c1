import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LAYERS, type LayerId, type LayerInfo } from '../data/layers';
import { GROUP_CATEGORIES } from '../data/groups';
import { DISTRICT_CLASSES } from '../data/districts';
import { useLayerStore } from '../state/layers-store';
import { ThemesBar } from './ThemesBar';
import { ExtrudeControl } from './ExtrudeControl';
import { BasemapControl } from './BasemapControl';
import { CATEGORY_COLORS, COLORS, DISTRICT_CLASS_COLORS } from '../map/palette';

interface ManifestLayer extends LayerInfo {
  featureCount: number | null;
  measuredTotalKm2: number | null;
}

/** Reads public/geo/manifest.json, which says what each embedded file holds and how good it is. */
function useManifest(): Map<LayerId, ManifestLayer> {
  const [layers, setLayers] = useState(new Map<LayerId, ManifestLayer>());
  useEffect(() => {
    let alive = true;
    fetch(new URL('geo/manifest.json', document.baseURI))
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.statusText))))
      .then((m: { layers: ManifestLayer[] }) => alive && setLayers(new Map(m.layers.map((l) => [l.id, l]))))
      .catch(() => {
        // Without the manifest the panel still works from the built-in layer list.
      });
    return () => {
      alive = false;
    };
  }, []);
  return layers;
}

function Swatch({ fill, line, dashed }: { fill?: string; line?: string; dashed?: boolean }) {
  return (
    <span
      className="swatch"
      aria-hidden="true"
      style={{
        background: fill ?? 'transparent',
        borderColor: line ?? fill ?? '#999',
        borderStyle: dashed ? 'dashed' : 'solid',
      }}
    />
  );
}

function LegendItems({ id }: { id: LayerId }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  switch (id) {
    case 'districts':
      return (
        <ul className="legend" aria-label={t('legend.districtClasses')}>
          {DISTRICT_CLASSES.map((c) => (
            <li key={c.id}>
              <Swatch fill={DISTRICT_CLASS_COLORS[c.id]} line={COLORS.districtLine} />
              {en ? c.en : c.id}
            </li>
          ))}
          <li className="legend-note">{t('legend.partlyEcological')}</li>
        </ul>
      );
    case 'yizhuang':
      return (
        <ul className="legend">
          <li>
            <Swatch fill={COLORS.yizhuangCore} line={COLORS.yizhuangLine} dashed />
            {t('legend.yizhuangCore')}
          </li>
          <li>
            <Swatch fill={COLORS.yizhuangOuter} line={COLORS.yizhuangLine} dashed />
            {t('legend.yizhuangOuter')}
          </li>
        </ul>
      );
    case 'zgc-scope':
      return (
        <ul className="legend">
          <li>
            <Swatch line={COLORS.scopeLine} dashed />
            {t('legend.scope')}
          </li>
        </ul>
      );
    case 'zgc-subparks':
      return (
        <ul className="legend">
          <li>
            <Swatch fill={COLORS.subparkFill} line={COLORS.subparkLine} dashed />
            {t('legend.subparks')}
          </li>
        </ul>
      );
    case 'zgc-groups':
      return (
        <ul className="legend" aria-label={t('legend.groupsByCategory')}>
          {GROUP_CATEGORIES.map((c) => (
            <li key={c.id}>
              <Swatch fill={CATEGORY_COLORS[c.id]} line="#fff" dashed />
              {en ? c.en : c.id} ({c.count})
            </li>
          ))}
        </ul>
      );
    default:
      return null;
  }
}

export function LayerPanel() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const visible = useLayerStore((s) => s.visible);
  const opacity = useLayerStore((s) => s.opacity);
  const setVisible = useLayerStore((s) => s.setVisible);
  const setOpacity = useLayerStore((s) => s.setOpacity);
  const manifest = useManifest();
  // Topmost layer first, as in QGIS.
  const rows = [...LAYERS].reverse();

  return (
    <section className="panel" aria-labelledby="layers-heading">
      <h2 id="layers-heading">{t('layers.heading')}</h2>
      <BasemapControl />
      <ThemesBar />
      <ExtrudeControl />
      <ul className="layer-list">
        {rows.map((layer) => {
          const m = manifest.get(layer.id);
          const title = en ? layer.titleEn : layer.titleZh;
          const quality = m?.geometryQuality ?? layer.geometryQuality;
          return (
            <li key={layer.id} className="layer-row">
              <div className="layer-head">
                <label className="layer-toggle">
                  <input
                    type="checkbox"
                    checked={visible[layer.id]}
                    onChange={(e) => setVisible(layer.id, e.target.checked)}
                  />
                  <span>{title}</span>
                </label>
                {quality === 'schematic' && (
                  <span className="badge" title={t('layers.schematicTitle')}>
                    {t('layers.schematic')}
                  </span>
                )}
              </div>
              {layer.geometryType === 'Polygon' && (
                <input
                  type="range"
                  className="opacity"
                  min={0}
                  max={1}
                  step={0.05}
                  value={opacity[layer.id]}
                  aria-label={t('layers.opacity', { title })}
                  onChange={(e) => setOpacity(layer.id, Number(e.target.value))}
                  disabled={!visible[layer.id]}
                />
              )}
              <p className="layer-note">{en ? layer.qualityNoteEn : layer.qualityNoteZh}</p>
              {m?.featureCount != null && layer.role === 'park' && (
                <p className="layer-meta">
                  {t('layers.featureCount', { count: m.featureCount })}
                  {m.measuredTotalKm2 != null && ` · ${t('layers.measured', { km2: m.measuredTotalKm2 })}`}
                  {layer.declaredTotalKm2 != null &&
                    ` · ${t('layers.declared', { km2: layer.declaredTotalKm2 })}`}
                </p>
              )}
              <LegendItems id={layer.id} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
