import { useTranslation } from 'react-i18next';
import { useHoverStore } from '../state/hover-store';
import { EVALUATION_CLASS_EN, type EvaluationClass } from '../data/subparks';

const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));

/** Name of what is under the pointer. All values are rendered as text. */
export function HoverTooltip() {
  const hover = useHoverStore((s) => s.hover);
  const { t, i18n } = useTranslation();
  if (!hover) return null;
  const p = hover.properties;
  const en = i18n.language === 'en';
  const name = str(en ? p.nameEn : p.nameZh);
  const detail =
    hover.layer === 'zgc-groups'
      ? `${str(en ? p.categoryEn : p.category)} · ${str(en ? p.subparkEn : p.subparkZh)}`
      : hover.layer === 'zgc-subparks'
        ? str(en ? EVALUATION_CLASS_EN[p.evaluationClass as EvaluationClass] : p.evaluationClass)
        : '';
  const declared = typeof p.areaDeclaredKm2 === 'number' ? p.areaDeclaredKm2 : null;
  return (
    <div className="tooltip" role="tooltip" style={{ left: hover.x + 14, top: hover.y + 14 }}>
      <div className="tooltip-name">
        {name}
        {p.geometryQuality === 'schematic' && <span className="badge">{t('hover.schematic')}</span>}
      </div>
      {detail && <div className="tooltip-detail">{detail}</div>}
      {declared !== null ? (
        <div className="tooltip-detail">{t('hover.declaredArea', { km2: declared })}</div>
      ) : null}
      {typeof p.areaMeasuredKm2 === 'number' && (
        <div className="tooltip-detail">{t('hover.area', { km2: p.areaMeasuredKm2.toFixed(2) })}</div>
      )}
    </div>
  );
}
