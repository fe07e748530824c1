import { useTranslation } from 'react-i18next';
import type { BlockReport } from '../core/report/evaluate-blocks';
import { MODE_COLORS } from '../map/style';

/** A block's verdict as the tables show it: the map's colour swatch and the mode's name ('…' until assessed). */
export function Verdict({ report }: { report: BlockReport | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      {report?.mode && (
        <span className="swatch" style={{ background: MODE_COLORS[report.mode] }} aria-hidden="true" />
      )}
      {report
        ? report.status === 'needs-repair'
          ? t('blocks.needsRepair')
          : report.mode
            ? t(`modes.${report.mode}`)
            : t('modes.none')
        : '…'}
    </>
  );
}

/**
 * In place of an area that means nothing (the boundary crosses itself): "needs repair", with the
 * area the block would have once mended beside it as a preview.
 */
export function NeedsRepair({ mendedKm2 }: { mendedKm2: number }) {
  const { t } = useTranslation();
  return (
    <span className="needs-repair">
      <strong>{t('blocks.needsRepair')}</strong>
      <span className="layer-meta">{t('blocks.mendedPreview', { km2: mendedKm2.toFixed(3) })}</span>
    </span>
  );
}
