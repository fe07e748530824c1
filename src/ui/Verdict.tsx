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
      {report ? (report.mode ? t(`modes.${report.mode}`) : t('modes.none')) : '…'}
    </>
  );
}
