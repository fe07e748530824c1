import { useTranslation } from 'react-i18next';
import { MapView } from '../map/MapView';
import { LayerPanel } from './LayerPanel';
import { HoverTooltip } from './HoverTooltip';

export function App() {
  const { t, i18n } = useTranslation();
  const switchTo = i18n.language === 'en' ? 'zh' : 'en';
  return (
    <div className="app">
      <header className="topbar">
        <h1>
          {t('app.title')} <small>{t('app.subtitle')}</small>
        </h1>
        <button
          type="button"
          className="lang-switch"
          lang={switchTo === 'en' ? 'en' : 'zh-CN'}
          aria-label={t('app.switchLanguageLabel')}
          onClick={() => void i18n.changeLanguage(switchTo)}
        >
          {t('app.switchLanguage')}
        </button>
      </header>
      <aside className="sidebar">
        <LayerPanel />
      </aside>
      <main className="main">
        <MapView />
        <HoverTooltip />
        <p className="notice" role="note">
          <strong>{t('layers.schematic')}</strong> {t('notice.schematic')}
        </p>
      </main>
    </div>
  );
}
