import { useTranslation } from 'react-i18next';
import { bottomCount, INDICATORS, type BottomRounding } from '../core/rules/evaluation';
import { useAnalysisStore } from '../state/analysis-store';
import { useEvaluationStore } from '../state/evaluation-store';

/**
 * Beside the indicator inputs: how "排名后5%" is read (a visible setting, with what it makes of
 * each class here), a warning where a class is too small for the rule to mean anything, and the
 * indicators' weights from seed 002 as a table.
 */
export function EvaluationSettings() {
  const { t, i18n } = useTranslation();
  const params = useEvaluationStore((s) => s.params);
  const setRounding = useEvaluationStore((s) => s.setRounding);
  const reports = useAnalysisStore((s) => s.reports);
  const classes = new Map<string, number>();
  for (const r of reports.values())
    if (r.evaluation) classes.set(r.evaluation.evaluationClass, r.evaluation.classSize);
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const minimum = Math.ceil(1 / params.bottomShare - 1e-9);
  return (
    <section className="evaluation-settings" aria-labelledby="evaluation-settings-heading">
      <h3 id="evaluation-settings-heading">{t('evaluation.heading')}</h3>
      <label className="datum">
        {t('evaluation.rounding.label')}{' '}
        <select value={params.bottomRounding} onChange={(e) => setRounding(e.target.value as BottomRounding)}>
          {(['ceil', 'floor', 'round'] as const).map((r) => (
            <option key={r} value={r}>
              {t(`evaluation.rounding.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="layer-meta">{t('evaluation.reading', { minimum })}</p>
      {[...classes].map(([cls, n]) => {
        const k = bottomCount(n, params);
        const small = n * params.bottomShare < 1;
        return (
          <p key={cls} className={small ? 'message error' : 'layer-meta'}>
            {t('evaluation.class', { cls, n, k })}
            {small && ` ${t('evaluation.tooSmall', { minimum, k })}`}
          </p>
        );
      })}
      <table className="weights">
        <caption>{t('evaluation.weights')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('evaluation.indicator')}</th>
            <th scope="col">{t('evaluation.weight')}</th>
            <th scope="col">{t('evaluation.kind')}</th>
          </tr>
        </thead>
        <tbody>
          {INDICATORS.map((ind) => (
            <tr key={ind.id}>
              <th scope="row">{lang === 'en' ? ind.en : ind.zh}</th>
              <td className="num">{Math.round(ind.weight * 100)}%</td>
              <td>{t(`evaluation.kinds.${ind.kind}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
