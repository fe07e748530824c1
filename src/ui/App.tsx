import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n';
import { MapView } from '../map/MapView';
import { LayerPanel } from './LayerPanel';
import { HoverTooltip } from './HoverTooltip';
import { BlocksPanel, DrawReadout, useImport } from './BlocksPanel';
import { ChecksPanel } from './ChecksPanel';
import { BlockDetail } from './BlockDetail';
import { PlacePanel } from './PlacePanel';
import { FilterPanel } from './FilterPanel';
import { ViewsPanel } from './ViewsPanel';
import { PresentOverlay, usePresentationKeys } from './PresentOverlay';
import { usePresentStore } from '../state/present-store';
import { placeFromHash, placeToHash, usePanelStore } from '../state/panel-store';
import { isShareHash, parseShareHash } from '../core/present/share-link';
import { applySharedView } from '../state/apply-view';
import { LinkNotice, ShareButton, useLinkNotice } from './SharePanel';
import { PrintButton } from './PrintPanel';

/** Deep links: #group=…, #subpark=…, #yizhuang=… open a panel; the open panel is kept in the address. */
function useDeepLink() {
  useEffect(() => {
    const fromHash = () => {
      // A shared view's link: apply it, then keep only the place in the address (the view moves on from here).
      const shared = parseShareHash(location.hash);
      if (shared) {
        applySharedView(shared.view);
        useLinkNotice.setState({ dropped: shared.dropped.length ? shared.dropped : null });
        const hash = placeToHash(usePanelStore.getState().place);
        history.replaceState(null, '', hash || location.pathname + location.search);
        return;
      }
      if (isShareHash(location.hash)) useLinkNotice.setState({ dropped: [] });
      const place = placeFromHash(location.hash);
      if (place) usePanelStore.getState().open(place);
      else usePanelStore.getState().close();
    };
    fromHash();
    window.addEventListener('hashchange', fromHash);
    const unsubscribe = usePanelStore.subscribe((s) => {
      const hash = placeToHash(s.place);
      if (hash !== location.hash) history.replaceState(null, '', hash || location.pathname + location.search);
    });
    return () => {
      window.removeEventListener('hashchange', fromHash);
      unsubscribe();
    };
  }, []);
}
import { useDocumentStore } from '../state/document-store';
import { useAnalysis } from '../state/use-analysis';
import { useDrawStore } from '../state/draw-store';

/** Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo, except while typing in a field. */
function useUndoKeys() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)))
        return;
      if (!(e.ctrlKey || e.metaKey)) {
        const draw = useDrawStore.getState();
        if (e.key === 'Escape') {
          if (draw.mode === 'edit') draw.endEdit(false);
          else if (draw.mode !== 'idle') draw.setMode('idle');
          else usePanelStore.getState().close();
        } else if (e.key === 'Enter' && draw.mode === 'edit') draw.endEdit(true);
        return;
      }
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        useDocumentStore.getState().undo();
      } else if ((k === 'z' && e.shiftKey) || k === 'y') {
        e.preventDefault();
        useDocumentStore.getState().redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/**
 * Runs the analysis of the active scenario. A component of its own: the hook follows the
 * document, and in App it re-rendered the whole page (every panel and the map view) on each
 * change, which after a large import was a long task of its own.
 */
function Analysis() {
  useAnalysis();
  return null;
}

export function App() {
  const { t, i18n } = useTranslation();
  const switchTo = i18n.language === 'en' ? 'zh' : 'en';
  const doImport = useImport();
  useEffect(() => {
    void useDocumentStore.getState().hydrate();
    // Leaving while a change is still being written: the browser asks first.
    const onLeave = (e: BeforeUnloadEvent) => {
      const { saved, revision } = useDocumentStore.getState();
      if (saved < revision) e.preventDefault();
    };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, []);
  useUndoKeys();
  useDeepLink();
  usePresentationKeys();
  const presenting = usePresentStore((s) => s.on);
  return (
    <div className={presenting ? 'app presenting' : 'app'}>
      <a
        className="skip-link"
        href="#map"
        onClick={(e) => {
          e.preventDefault();
          document.querySelector<HTMLElement>('.map canvas')?.focus();
        }}
      >
        {t('app.skipToMap')}
      </a>
      <a
        className="skip-link"
        href="#panels"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('panels')?.focus();
        }}
      >
        {t('app.skipToPanels')}
      </a>
      <header className="topbar">
        <h1>
          {t('app.title')} <small>{t('app.subtitle')}</small>
        </h1>
        <div className="topbar-actions">
          <ShareButton />
          <PrintButton />
          <button
            type="button"
            className="lang-switch"
            onClick={() => usePresentStore.getState().enter()}
            title={t('present.enterHint')}
          >
            {t('present.enter')}
          </button>
          <button
            type="button"
            className="lang-switch"
            lang={switchTo === 'en' ? 'en' : 'zh-CN'}
            aria-label={t('app.switchLanguageLabel')}
            onClick={() => void setLanguage(switchTo)}
          >
            {t('app.switchLanguage')}
          </button>
        </div>
      </header>
      <aside className="sidebar" id="panels" tabIndex={-1} aria-label={t('app.panels')}>
        <BlocksPanel />
        <BlockDetail />
        <ChecksPanel />
        <FilterPanel />
        <ViewsPanel />
        <LayerPanel />
      </aside>
      <main
        className="main"
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('Files')) e.preventDefault();
        }}
        onDrop={(e) => {
          if (e.dataTransfer.files.length === 0) return;
          e.preventDefault();
          void doImport(e.dataTransfer.files);
        }}
      >
        <MapView />
        <PlacePanel />
        <LinkNotice />
        <PresentOverlay />
        <HoverTooltip />
        <DrawReadout />
        <p className="notice" role="note">
          <strong>{t('layers.schematic')}</strong> {t('notice.schematic')}
        </p>
      </main>
      {/* Last, so its effects run after the map view's, as when the hook was App's own. */}
      <Analysis />
    </div>
  );
}
