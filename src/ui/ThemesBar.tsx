import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activeScenario, useDocumentStore } from '../state/document-store';
import { useLayerStore } from '../state/layers-store';
import { setScenarioList } from '../doc/model';
import { DEFAULT_THEMES, type LayerTheme } from '../core/present/themes';
import { freshId } from '../core/present/story';
import { LAYERS } from '../data/layers';

/**
 * Layer themes (QGIS's map themes): one click shows a named set of layers.
 * The current visibility can be saved as a theme; themes are kept with the
 * scenario, undoably, and the shipped ones can be restored.
 */
export function ThemesBar() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const scenario = useDocumentStore((s) => activeScenario(s.doc));
  const visible = useLayerStore((s) => s.visible);
  const themes = scenario.themes ?? DEFAULT_THEMES;
  const [naming, setNaming] = useState(false);
  const commit = (next: readonly LayerTheme[] | null, label: string) => {
    const d = useDocumentStore.getState().doc;
    useDocumentStore.getState().commit(setScenarioList(d, d.activeScenarioId, 'themes', next, label));
  };
  const isActive = (th: LayerTheme) => LAYERS.every((l) => th.visible[l.id] === visible[l.id]);

  return (
    <div className="themes" role="group" aria-label={t('themes.label')}>
      <div className="theme-buttons">
        {themes.map((th) => (
          <span key={th.id} className="theme">
            <button
              type="button"
              aria-pressed={isActive(th)}
              onClick={() => useLayerStore.setState({ visible: { ...th.visible } })}
            >
              {en ? th.nameEn : th.nameZh}
            </button>
            {scenario.themes && (
              <button
                type="button"
                className="theme-delete"
                aria-label={t('themes.delete', { name: en ? th.nameEn : th.nameZh })}
                onClick={() =>
                  commit(
                    themes.filter((x) => x.id !== th.id),
                    'delete theme',
                  )
                }
              >
                ×
              </button>
            )}
          </span>
        ))}
      </div>
      {naming ? (
        <input
          aria-label={t('themes.name')}
          autoFocus
          placeholder={t('themes.name')}
          onBlur={(e) => {
            const name = e.target.value.trim();
            setNaming(false);
            if (!name) return;
            commit(
              [
                ...themes,
                { id: freshId(themes, 'theme'), nameZh: name, nameEn: name, visible: { ...visible } },
              ],
              'save theme',
            );
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
            if (e.key === 'Escape') {
              (e.target as HTMLInputElement).value = '';
              (e.target as HTMLInputElement).blur();
            }
          }}
        />
      ) : (
        <button type="button" onClick={() => setNaming(true)}>
          {t('themes.save')}
        </button>
      )}
      {scenario.themes && (
        <button type="button" onClick={() => commit(null, 'reset themes')}>
          {t('themes.reset')}
        </button>
      )}
    </div>
  );
}
