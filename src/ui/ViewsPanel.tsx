import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activeScenario, useDocumentStore } from '../state/document-store';
import { storyOf, usePresentStore } from '../state/present-store';
import { useLayerStore } from '../state/layers-store';
import { useFilterStore } from '../state/filter-store';
import { useExtrudeStore } from '../state/extrude-store';
import { currentCamera } from '../map/map-instance';
import { useAnalysisStore } from '../state/analysis-store';
import { applyView } from '../state/apply-view';
import { setScenarioList } from '../doc/model';
import { moveView, newViewId, type ViewSpec } from '../core/present/story';

/**
 * The active scenario's saved views (the shipped story until the planner
 * changes it): show one, save the current map as a view, rename, reorder,
 * delete, reset to the shipped story, or present from a view. Views are saved
 * with the scenario, so every change is undoable and survives a reload.
 */
export function ViewsPanel() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const doc = useDocumentStore((s) => s.doc);
  const views = storyOf(doc);
  const custom = !!activeScenario(doc).views;
  const [renaming, setRenaming] = useState<string | null>(null);

  const commit = (next: readonly ViewSpec[] | null, label: string) => {
    const d = useDocumentStore.getState().doc;
    useDocumentStore.getState().commit(setScenarioList(d, d.activeScenarioId, 'views', next, label));
  };
  const saveCurrent = () => {
    const camera = currentCamera();
    if (!camera) return;
    const name = t('views.newName', { n: views.length + 1 });
    const view: ViewSpec = {
      id: newViewId(views),
      nameZh: name,
      nameEn: name,
      frame: { kind: 'camera', ...camera },
      visible: { ...useLayerStore.getState().visible },
      filter: useFilterStore.getState().filter,
      selection: useAnalysisStore.getState().selectedId,
      extrude: useExtrudeStore.getState().spec,
    };
    commit([...views, view], 'save view');
  };

  return (
    <section className="panel views" aria-labelledby="views-heading">
      <h2 id="views-heading">{t('views.heading')}</h2>
      <div className="toolbar">
        <button type="button" onClick={saveCurrent}>
          {t('views.save')}
        </button>
        <button type="button" onClick={() => usePresentStore.getState().enter()}>
          {t('present.enter')}
        </button>
        {custom && (
          <button type="button" onClick={() => commit(null, 'reset views')}>
            {t('views.reset')}
          </button>
        )}
      </div>
      <ol className="view-list" aria-label={t('views.list')}>
        {views.map((v, i) => {
          const name = en ? v.nameEn : v.nameZh;
          return (
            <li key={v.id}>
              {renaming === v.id ? (
                <input
                  aria-label={t('views.nameOf', { name })}
                  defaultValue={name}
                  autoFocus
                  onBlur={(e) => {
                    const n = e.target.value.trim();
                    setRenaming(null);
                    if (n && n !== name)
                      commit(
                        views.map((x) => (x.id === v.id ? { ...x, nameZh: n, nameEn: n } : x)),
                        'rename view',
                      );
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
                    if (e.key === 'Escape') setRenaming(null);
                  }}
                />
              ) : (
                <button type="button" className="link" onClick={() => applyView(v)}>
                  {name}
                </button>
              )}
              <span className="view-tools">
                <button
                  type="button"
                  aria-label={t('views.present', { name })}
                  title={t('views.present', { name })}
                  onClick={() => usePresentStore.getState().enter(i)}
                >
                  ▶
                </button>
                <button
                  type="button"
                  aria-label={t('views.up', { name })}
                  disabled={i === 0}
                  onClick={() => commit(moveView(views, v.id, -1), 'reorder views')}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={t('views.down', { name })}
                  disabled={i === views.length - 1}
                  onClick={() => commit(moveView(views, v.id, 1), 'reorder views')}
                >
                  ↓
                </button>
                <button
                  type="button"
                  aria-label={t('views.rename', { name })}
                  onClick={() => setRenaming(v.id)}
                >
                  ✎
                </button>
                <button
                  type="button"
                  aria-label={t('views.delete', { name })}
                  disabled={views.length === 1}
                  onClick={() =>
                    commit(
                      views.filter((x) => x.id !== v.id),
                      'delete view',
                    )
                  }
                >
                  ×
                </button>
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
