import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ExtrudeLegend } from './ExtrudeControl';
import { storyOf, usePresentStore } from '../state/present-store';
import { useDocumentStore } from '../state/document-store';
import { applyView } from '../state/apply-view';
import { useLayerStore } from '../state/layers-store';
import { LAYERS } from '../data/layers';
import { GROUP_CATEGORIES } from '../data/groups';
import { CATEGORY_COLORS, COLORS } from '../map/palette';
import { MODE_COLORS } from '../map/style';

/**
 * Meeting mode: controls hidden, large type, the legend always on screen.
 * P enters; → / PageDown / Space and ← / PageUp step through the story;
 * number keys 1–6 toggle the layers in the layer panel's order; Esc leaves.
 */
export function usePresentationKeys() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)))
        return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const p = usePresentStore.getState();
      if (!p.on) {
        if (e.key === 'p' || e.key === 'P') {
          e.preventDefault();
          p.enter();
        }
        return;
      }
      if (e.key === 'Escape') p.leave();
      else if (['ArrowRight', 'PageDown', ' '].includes(e.key)) p.go(p.index + 1);
      else if (['ArrowLeft', 'PageUp'].includes(e.key)) p.go(p.index - 1);
      else if (/^[1-9]$/.test(e.key)) {
        // In the layer panel's order: topmost first, as the panel (and QGIS) lists them.
        const layer = [...LAYERS].reverse()[Number(e.key) - 1];
        if (!layer) return;
        const layers = useLayerStore.getState();
        layers.setVisible(layer.id, !layers.visible[layer.id]);
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Entering and leaving: full screen where the browser allows it; each view sets layers and filter.
  useEffect(
    () =>
      usePresentStore.subscribe((s, prev) => {
        if (s.on && !prev.on) void document.documentElement.requestFullscreen?.().catch(() => undefined);
        if (!s.on && prev.on && document.fullscreenElement)
          void document.exitFullscreen().catch(() => undefined);
        if (s.on && (s.index !== prev.index || !prev.on)) {
          const v = storyOf(useDocumentStore.getState().doc)[s.index];
          if (v) applyView(v);
        }
      }),
    [],
  );
  // Leaving full screen with the browser's own Esc also leaves meeting mode.
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement && usePresentStore.getState().on) usePresentStore.getState().leave();
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
}

export function PresentOverlay() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const on = usePresentStore((s) => s.on);
  const index = usePresentStore((s) => s.index);
  const views = useDocumentStore((s) => storyOf(s.doc));
  const visible = useLayerStore((s) => s.visible);
  const v = views[index];
  if (!on || !v) return null;
  return (
    <>
      <div className="present-caption" role="status" aria-live="polite">
        <span className="present-step">
          {index + 1} / {views.length}
        </span>{' '}
        {en ? v.nameEn : v.nameZh}
      </div>
      <div className="present-legend" aria-label={t('present.legend')} role="group">
        {visible['zgc-groups'] && <div className="legend-title">{t('filter.categories')}</div>}
        {visible['zgc-groups'] &&
          GROUP_CATEGORIES.map((c) => (
            <div key={c.id}>
              <span className="swatch" style={{ background: CATEGORY_COLORS[c.id] }} aria-hidden="true" />
              {en ? c.en : c.id}
            </div>
          ))}
        {visible.yizhuang && (
          <>
            <div>
              <span className="swatch" style={{ background: COLORS.yizhuangCore }} aria-hidden="true" />
              {t('legend.yizhuangCore')}
            </div>
            <div>
              <span className="swatch" style={{ background: COLORS.yizhuangOuter }} aria-hidden="true" />
              {t('legend.yizhuangOuter')}
            </div>
          </>
        )}
        <div className="legend-title">{t('blocks.legend.label')}</div>
        {(['remove', 'cut50', 'cut25'] as const).map((m) => (
          <div key={m}>
            <span className="swatch" style={{ background: MODE_COLORS[m] }} aria-hidden="true" />
            {t(`modes.${m}`)}
          </div>
        ))}
        <ExtrudeLegend />
        <div className="present-keys">{t('present.keys')}</div>
      </div>
    </>
  );
}
