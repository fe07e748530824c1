import { formatNumber } from '../util/format';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  EXTRUDE_CHOICES,
  extrudeKey,
  FIGURE_UNIT,
  parseExtrude,
  type ExtrudeSpec,
  type HeightScale,
} from '../core/present/extrusion';
import { useExtrudeStore } from '../state/extrude-store';

/** 三维: raise groups or blocks by a figure; the legend says what the tallest column stands for. */
export function ExtrudeControl() {
  const { t } = useTranslation();
  const spec = useExtrudeStore((s) => s.spec);
  const scale = useExtrudeStore((s) => s.scale);
  return (
    <div className="extrude">
      <label>
        {t('extrude.label')}{' '}
        <select
          value={spec ? extrudeKey(spec) : 'off'}
          onChange={(e) => useExtrudeStore.getState().setSpec(parseExtrude(e.target.value))}
        >
          <option value="off">{t('extrude.off')}</option>
          {EXTRUDE_CHOICES.map((c) => (
            <option key={extrudeKey(c)} value={extrudeKey(c)}>
              {t(`extrude.${c.target}-${c.figure}`)}
            </option>
          ))}
        </select>
      </label>
      {spec && <ExtrudeLegend />}
      {spec && !scale && <p className="layer-note">{t('extrude.loading')}</p>}
      {spec && scale && scale.max === 0 && <p className="layer-note">{t(`extrude.none-${spec.figure}`)}</p>}
      {spec?.target === 'groups' && <p className="layer-note">{t('extrude.groupsSchematic')}</p>}
    </div>
  );
}

/** One line: the tallest column's figure and height; heights are proportional. */
export function ExtrudeLegend() {
  const { t, i18n } = useTranslation();
  const spec = useExtrudeStore((s) => s.spec);
  const scale = useExtrudeStore((s) => s.scale);
  if (!spec || !scale || scale.max === 0) return null;
  return (
    <p className="layer-note" role="note">
      {extrudeScaleText(t, spec, scale, i18n.language === 'en' ? 'en' : 'zh')}
    </p>
  );
}

/** What the tallest column stands for, in words: the map's legend and the printed one. */
export function extrudeScaleText(
  t: TFunction,
  spec: ExtrudeSpec,
  scale: HeightScale,
  lang: 'zh' | 'en',
): string {
  return t('extrude.scale', {
    what: t(`extrude.${spec.target}-${spec.figure}`),
    max: formatNumber(scale.max, lang, 2),
    unit: FIGURE_UNIT[spec.figure] === 'km²' ? 'km²' : t('extrude.points'),
    km: formatNumber(scale.tallestM / 1000, lang, 1),
  });
}
