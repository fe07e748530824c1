import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BASEMAPS, type BasemapId } from '../map/basemaps';
import { useBasemapStore } from '../state/basemap-store';

/** 底图: offline by default; OpenStreetMap or Tianditu (with the user's key) on request. */
export function BasemapControl() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const choice = useBasemapStore((s) => s.choice);
  const info = BASEMAPS.find((b) => b.id === choice.id)!;
  const keyHint = useId();
  return (
    <div className="basemap">
      <label>
        {t('basemap.label')}{' '}
        <select
          value={choice.id}
          onChange={(e) => useBasemapStore.getState().choose(e.target.value as BasemapId)}
        >
          {BASEMAPS.map((b) => (
            <option key={b.id} value={b.id}>
              {en ? b.nameEn : b.nameZh}
            </option>
          ))}
        </select>
      </label>
      {info.needsKey && (
        <>
          <label className="basemap-key">
            {t('basemap.key')}{' '}
            <input
              type="password"
              autoComplete="off"
              spellCheck={false}
              aria-describedby={keyHint}
              defaultValue={choice.tiandituKey}
              // Applied on leaving the field or Enter, not per keystroke: each change reloads the tiles.
              onBlur={(e) => useBasemapStore.getState().setKey(e.target.value.trim())}
              onKeyDown={(e) => {
                if (e.key === 'Enter') useBasemapStore.getState().setKey(e.currentTarget.value.trim());
              }}
            />
          </label>
          <p className="layer-note" id={keyHint}>
            {choice.tiandituKey ? t('basemap.keyKept') : t('basemap.keyNeeded')}
          </p>
        </>
      )}
      {choice.id !== 'offline' && <p className="layer-note">{t('basemap.onlineNote')}</p>}
    </div>
  );
}

/** On the map: an online basemap whose tiles fail says so, with the way back to the offline map. */
export function BasemapErrors() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const choice = useBasemapStore((s) => s.choice);
  const errors = useBasemapStore((s) => s.errors);
  if (!errors || choice.id === 'offline') return null;
  const info = BASEMAPS.find((b) => b.id === choice.id)!;
  const name = en ? info.shortEn : info.shortZh;
  const why =
    errors.status === 0
      ? t('basemap.errors.offline', { name })
      : [401, 403, 418].includes(errors.status) && info.needsKey
        ? t('basemap.errors.key', { status: errors.status })
        : t('basemap.errors.http', { name, status: errors.status });
  return (
    <div className="map-error basemap-error" role="alert">
      {why} {t('basemap.errors.count', { count: errors.count })}{' '}
      <button type="button" onClick={() => useBasemapStore.getState().choose('offline')}>
        {t('basemap.backOffline')}
      </button>
    </div>
  );
}
