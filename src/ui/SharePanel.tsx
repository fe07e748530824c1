import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Popover } from './Popover';
import { shareHash } from '../core/present/share-link';
import { currentCamera } from '../map/map-instance';
import { useLayerStore } from '../state/layers-store';
import { useFilterStore } from '../state/filter-store';
import { usePanelStore } from '../state/panel-store';
import { useExtrudeStore } from '../state/extrude-store';
import { useBasemapStore } from '../state/basemap-store';
import { create } from 'zustand';

/** What opening a shared link could not use, said once on screen. */
export const useLinkNotice = create<{ dropped: readonly string[] | null }>()(() => ({ dropped: null }));

/** The address of the current view: camera, layers, filter, open place, 3D and basemap (never its key). */
export function currentViewUrl(): string | null {
  const camera = currentCamera();
  if (!camera) return null;
  const hash = shareHash({
    camera,
    visible: useLayerStore.getState().visible,
    filter: useFilterStore.getState().filter,
    place: usePanelStore.getState().place,
    extrude: useExtrudeStore.getState().spec,
    basemap: useBasemapStore.getState().choice.id,
  });
  return `${location.origin}${location.pathname}${location.search}${hash}`;
}

/** 分享链接: builds the link, copies it where the browser allows, and shows it to copy by hand. */
export function ShareButton() {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (url) field.current?.select();
  }, [url]);
  const share = async () => {
    const u = currentViewUrl();
    if (!u) return;
    setUrl(u);
    setCopied(null);
    try {
      await navigator.clipboard.writeText(u);
      setCopied(true);
    } catch {
      // No clipboard permission (or not a secure context): the selected field is the fallback.
      setCopied(false);
    }
  };
  return (
    <>
      <button type="button" className="lang-switch" onClick={() => void share()} title={t('share.hint')}>
        {t('share.button')}
      </button>
      {url && (
        <Popover label={t('share.title')} onClose={() => setUrl(null)}>
          <label>
            {t('share.link')}
            <input ref={field} readOnly value={url} onFocus={(e) => e.target.select()} />
          </label>
          <p role="status">{copied === null ? '' : copied ? t('share.copied') : t('share.copyByHand')}</p>
          <p className="layer-note">{t('share.what')}</p>
          <button type="button" onClick={() => setUrl(null)}>
            {t('share.close')}
          </button>
        </Popover>
      )}
    </>
  );
}

/** Says which parts of an opened link were not understood. */
export function LinkNotice() {
  const { t } = useTranslation();
  const dropped = useLinkNotice((s) => s.dropped);
  if (!dropped) return null;
  return (
    <div className="link-notice" role="status">
      {dropped.length ? t('share.dropped', { parts: dropped.join('、') }) : t('share.badCamera')}{' '}
      <button type="button" onClick={() => useLinkNotice.setState({ dropped: null })}>
        {t('share.dismiss')}
      </button>
    </div>
  );
}
