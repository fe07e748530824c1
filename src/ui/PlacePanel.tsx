import { districtName } from '../data/districts';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Feature } from 'geojson';
import { usePanelStore, type PlaceRef } from '../state/panel-store';
import { activeScenario, useDocumentStore } from '../state/document-store';
import { useAnalysisStore } from '../state/analysis-store';
import { useViewStore } from '../state/view-store';
import { groupById, GROUPS, GROUP_CATEGORIES, type DevelopmentGroup } from '../data/groups';
import { CARRIERS, modeById, type CarrierId } from '../data/modes';
import { resolveFocus, type FocusItem } from '../data/focus';
import { INDUSTRIES, TIER_NAMES, industryById, type IndustryTier } from '../data/taxonomy';
import { subparkById, EVALUATION_CLASS_EN, type SubparkId } from '../data/subparks';
import { ROLE_NAMES, roleSentencesOf } from '../data/subpark-roles';
import { YIZHUANG_PARTS, YIZHUANG_TOTAL_KM2 } from '../data/yizhuang';
import {
  YIZHUANG_GOAL_2035,
  YIZHUANG_LEADING_INDUSTRIES,
  YIZHUANG_PRIORITIES_2023,
  YIZHUANG_RESULTS_2022,
  YIZHUANG_TARGETS_2022,
  type Quote,
} from '../data/yizhuang-plan';
import { SOURCES } from '../data/sources';
import { useLayerFeature } from '../map/layer-data';
import { blocksInZone } from '../core/overlay/blocks-in-zone';
import { bboxOf, polygonsOf, type Areal } from '../core/overlay/zones';
import { Verdict } from './Verdict';

const TIERS: readonly IndustryTier[] = ['leading', 'key', 'services', 'future'];
const isAreal = (f: Feature | null): f is Feature<Areal> =>
  f?.geometry?.type === 'Polygon' || f?.geometry?.type === 'MultiPolygon';

/**
 * The reviewer's panel for a place clicked on the map or opened by a deep
 * link: a development group, a sub-park or a part of Yizhuang. The plan's
 * own words (positioning, mode descriptions, role sentences) are shown as the
 * plan writes them, in Chinese, in both UI languages; labels follow the UI.
 * Keyboard: focus moves to the heading when it opens; Esc or the close button
 * closes it.
 */
export function PlacePanel() {
  const { t } = useTranslation();
  const place = usePanelStore((s) => s.place);
  const close = usePanelStore((s) => s.close);
  const heading = useRef<HTMLHeadingElement>(null);
  /** Where focus was when the panel opened (a search result, a link): it goes back there on closing. */
  const opener = useRef<HTMLElement | null>(null);
  const open = !!place;
  useEffect(() => {
    if (!open) return;
    const was = document.activeElement;
    if (was instanceof HTMLElement && was !== document.body && !was.closest('.place-panel'))
      opener.current = was;
    return () => {
      // Closed (Esc or ×): focus returns to where it came from, or to the map; never left on the page's body.
      const back = opener.current?.isConnected
        ? opener.current
        : document.querySelector<HTMLElement>('.map canvas');
      opener.current = null;
      requestAnimationFrame(() => back?.focus());
    };
  }, [open]);
  useEffect(() => {
    heading.current?.focus();
  }, [place]);
  if (!place) return null;
  return (
    <aside
      className="place-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="place-heading"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <button type="button" className="close" onClick={close} aria-label={t('place.close')}>
        ×
      </button>
      {place.kind === 'group' ? (
        <GroupBody id={place.id} heading={heading} />
      ) : place.kind === 'subpark' ? (
        <SubparkBody id={place.id} heading={heading} />
      ) : (
        <YizhuangBody id={place.id} heading={heading} />
      )}
    </aside>
  );
}

type BodyProps = { id: string; heading: React.RefObject<HTMLHeadingElement | null> };

function useEn() {
  const { i18n } = useTranslation();
  return i18n.language === 'en';
}

/** The plan's words: Chinese, marked so, whatever the UI language. */
function Plan({ children }: { children: string }) {
  return (
    <q lang="zh-CN" className="plan-text">
      {children}
    </q>
  );
}

function Source({ id }: { id: keyof typeof SOURCES }) {
  const s = SOURCES[id];
  return <cite className="source">{s.title}</cite>;
}

function GroupBody({ id, heading }: BodyProps) {
  const { t } = useTranslation();
  const en = useEn();
  const g = groupById(id);
  const feature = useLayerFeature('zgc-groups.geojson', id);
  if (!g) return <NotFound heading={heading} kind="group" id={id} />;
  const sp = subparkById(g.subparkId);
  const category = GROUP_CATEGORIES.find((c) => c.id === g.category)!;
  const carriers = [...new Set(g.modes.flatMap((m) => modeById(m.mode).carriers))] as CarrierId[];
  const measured = feature?.properties?.areaMeasuredKm2 as number | undefined;
  return (
    <>
      <h2 id="place-heading" ref={heading} tabIndex={-1}>
        {en ? g.nameEn : g.nameZh}
      </h2>
      <dl className="facts">
        <dt>{t('place.category')}</dt>
        <dd>{en ? category.en : category.id}</dd>
        <dt>{t('place.subpark')}</dt>
        <dd>
          {sp && (
            <button
              type="button"
              className="link"
              onClick={() => usePanelStore.getState().open({ kind: 'subpark', id: sp.id })}
            >
              {en ? sp.nameEn : sp.nameZh}
            </button>
          )}
        </dd>
        <dt>{t('place.districts')}</dt>
        <dd>{g.districts.map((d) => districtName(d, en ? 'en' : 'zh')).join(t('place.listSeparator'))}</dd>
        <dt>{t('place.area')}</dt>
        <dd>
          {measured !== undefined
            ? t('place.areaSchematic', { km2: measured.toFixed(1) })
            : t('place.areaUnknown')}{' '}
          <span className="layer-note">{t('place.groupAreaNote')}</span>
        </dd>
      </dl>
      <h3>{t('place.positioning')}</h3>
      <p>
        <Plan>{g.positioningZh}</Plan>
      </p>
      <h3>{t('place.focus')}</h3>
      <FocusChips group={g} />
      <h3>{t('place.modes')}</h3>
      {g.modes.length === 0 ? (
        <p className="layer-note">{t('place.noMode')}</p>
      ) : (
        <ul className="modes">
          {g.modes.map((m) => {
            const mode = modeById(m.mode);
            return (
              <li key={m.mode}>
                <strong>{en ? mode.nameEn : mode.nameZh}</strong>
                {m.partZh && ` (${m.partZh})`}
                <p>
                  <Plan>{mode.descriptionZh}</Plan>
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {carriers.length > 0 && (
        <>
          <h3>{t('place.carriers')}</h3>
          <p>{carriers.map((c) => (en ? CARRIERS[c].en : CARRIERS[c].zh)).join(en ? ', ' : '、')}</p>
        </>
      )}
      <p className="layer-note">
        {t('place.source')} <Source id="seed003" />
      </p>
      <ZoneBlocks feature={feature} />
    </>
  );
}

/** Focus items as chips under the plan's taxonomy: tier → industry → fields. */
function FocusChips({ group }: { group: DevelopmentGroup }) {
  const en = useEn();
  const items = group.focus.map(resolveFocus);
  const byIndustry = new Map<string, FocusItem[]>();
  for (const it of items) byIndustry.set(it.industry.id, [...(byIndustry.get(it.industry.id) ?? []), it]);
  return (
    <div className="focus">
      {TIERS.map((tier) => {
        const industries = INDUSTRIES.filter((i) => i.tier === tier && byIndustry.has(i.id));
        if (industries.length === 0) return null;
        return (
          <div key={tier} className="tier">
            <div className="tier-name">{en ? TIER_NAMES[tier].en : TIER_NAMES[tier].zh}</div>
            {industries.map((ind) => (
              <div key={ind.id} className="industry">
                <span className="industry-name">{en ? ind.nameEn : ind.nameZh}</span>
                <ul className="chips" aria-label={en ? ind.nameEn : ind.nameZh}>
                  {byIndustry.get(ind.id)!.map((it) => (
                    <li
                      key={it.text}
                      className={it.inTaxonomy ? 'chip' : 'chip extension'}
                      title={(en ? it.noteEn : it.noteZh) ?? undefined}
                    >
                      {en
                        ? `${it.fieldEn}${it.qualifierEn ? ` (${it.qualifierEn})` : ''}`
                        : `${it.fieldZh}${it.qualifierZh ? `（${it.qualifierZh}）` : ''}`}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        );
      })}
    </div>
  );
}

/** The candidate blocks overlapping a zone, with their verdicts and totals. */
function ZoneBlocks({ feature }: { feature: Feature | null }) {
  const { t } = useTranslation();
  const scenario = useDocumentStore((s) => activeScenario(s.doc));
  const reports = useAnalysisStore((s) => s.reports);
  const inside = useMemo(
    () =>
      isAreal(feature)
        ? blocksInZone(
            feature.geometry,
            scenario.order.map((id) => ({ id, geometry: scenario.blocks[id]!.geometry })),
          )
        : [],
    [feature, scenario],
  );
  return (
    <>
      <h3>{t('place.blocks', { count: inside.length })}</h3>
      {inside.length > 0 && (
        <table className="zone-blocks" aria-label={t('place.blocksTable')}>
          <thead>
            <tr>
              <th scope="col">{t('blocks.col.name')}</th>
              <th scope="col">{t('place.inside')}</th>
              <th scope="col">{t('blocks.col.mode')}</th>
            </tr>
          </thead>
          <tbody>
            {inside.map(({ id, m2 }) => {
              const r = reports.get(id);
              return (
                <tr key={id}>
                  <th scope="row">
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        useAnalysisStore.getState().select(id);
                        useViewStore.getState().focusOn(bboxOf(polygonsOf(scenario.blocks[id]!.geometry)));
                      }}
                    >
                      {scenario.blocks[id]!.name}
                    </button>
                  </th>
                  <td className="num">{(m2 / 1e6).toFixed(3)}</td>
                  <td>
                    <Verdict report={r} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

function SubparkBody({ id, heading }: BodyProps) {
  const { t } = useTranslation();
  const en = useEn();
  const sp = subparkById(id);
  const feature = useLayerFeature('zgc-subparks.geojson', id);
  if (!sp) return <NotFound heading={heading} kind="subpark" id={id} />;
  const groups = GROUPS.filter((g) => g.subparkId === sp.id);
  const roles = roleSentencesOf(sp.id as SubparkId);
  const measured = feature?.properties?.areaMeasuredKm2 as number | undefined;
  return (
    <>
      <h2 id="place-heading" ref={heading} tabIndex={-1}>
        {en ? sp.nameEn : sp.nameZh}
      </h2>
      <dl className="facts">
        <dt>{t('place.districts')}</dt>
        <dd>{sp.districts.map((d) => districtName(d, en ? 'en' : 'zh')).join(t('place.listSeparator'))}</dd>
        <dt>{t('place.evaluationClass')}</dt>
        <dd>
          {en ? EVALUATION_CLASS_EN[sp.evaluationClass] : sp.evaluationClass} <Source id="seed002" />
        </dd>
        <dt>{t('place.area')}</dt>
        <dd>
          {sp.areaDeclaredKm2 !== null && sp.areaSource ? (
            <>
              {t('place.areaDeclared', { km2: sp.areaDeclaredKm2 })} <Source id={sp.areaSource} />
            </>
          ) : measured !== undefined ? (
            t('place.areaSchematic', { km2: measured.toFixed(1) })
          ) : (
            t('place.areaUnknown')
          )}
        </dd>
      </dl>
      <h3>{t('place.roles')}</h3>
      {roles.length === 0 ? (
        <p className="layer-note">{t('place.noRoles')}</p>
      ) : (
        <ul className="roles">
          {roles.map((r) => {
            const ind = industryById(r.industryId)!;
            const role = r.roles[sp.id as SubparkId];
            return (
              <li key={r.sentenceZh}>
                <strong>
                  {en ? ind.nameEn : ind.nameZh}
                  {r.fieldZh && ` · ${r.fieldZh}`}
                </strong>
                {role && <span className="role-badge">{en ? ROLE_NAMES[role].en : ROLE_NAMES[role].zh}</span>}
                <p>
                  <Plan>{r.sentenceZh}</Plan> <span className="layer-note">（{r.cite}）</span>
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <h3>{t('place.groups', { count: groups.length })}</h3>
      <ul className="group-links">
        {groups.map((g) => (
          <li key={g.id}>
            <button
              type="button"
              className="link"
              onClick={() => usePanelStore.getState().open({ kind: 'group', id: g.id })}
            >
              {en ? g.nameEn : g.nameZh}
            </button>
          </li>
        ))}
      </ul>
      <p className="layer-note">
        {t('place.source')} <Source id="seed003" />
      </p>
      <SubparkBlocks id={sp.id} />
    </>
  );
}

/** Blocks the analysis assigns to the sub-park (by largest overlap), with totals. */
function SubparkBlocks({ id }: { id: string }) {
  const { t } = useTranslation();
  const scenario = useDocumentStore((s) => activeScenario(s.doc));
  const reports = useAnalysisStore((s) => s.reports);
  const mine = scenario.order.filter((b) => reports.get(b)?.subparkId === id);
  const area = mine.reduce((a, b) => a + (reports.get(b)?.areaKm2 ?? 0), 0);
  const retained = mine.reduce(
    (a, b) => a + (reports.get(b)?.retainedKm2 ?? reports.get(b)?.areaKm2 ?? 0),
    0,
  );
  return (
    <>
      <h3>{t('place.blocks', { count: mine.length })}</h3>
      {mine.length > 0 && (
        <p className="layer-meta">
          {t('place.subparkTotals', { area: area.toFixed(3), retained: retained.toFixed(3) })}
        </p>
      )}
      <ul className="group-links">
        {mine.map((b) => {
          const r = reports.get(b)!;
          return (
            <li key={b}>
              <button
                type="button"
                className="link"
                onClick={() => {
                  useAnalysisStore.getState().select(b);
                  useViewStore.getState().focusOn(bboxOf(polygonsOf(scenario.blocks[b]!.geometry)));
                }}
              >
                {scenario.blocks[b]!.name}
              </button>{' '}
              {r.areaKm2.toFixed(3)} km² · {r.mode ? t(`modes.${r.mode}`) : t('modes.none')}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function YizhuangBody({ id, heading }: BodyProps) {
  const { t } = useTranslation();
  const en = useEn();
  const part = YIZHUANG_PARTS.find((p) => p.id === id);
  const feature = useLayerFeature('yizhuang.geojson', id);
  if (!part) return <NotFound heading={heading} kind="yizhuang" id={id} />;
  return (
    <>
      <h2 id="place-heading" ref={heading} tabIndex={-1}>
        {en ? part.nameEn : part.nameZh}
      </h2>
      <table className="zone-blocks" aria-label={t('place.yizhuangParts')}>
        <tbody>
          {YIZHUANG_PARTS.map((p) => (
            <tr key={p.id} aria-current={p.id === id ? 'true' : undefined}>
              <th scope="row">
                <button
                  type="button"
                  className="link"
                  onClick={() => usePanelStore.getState().open({ kind: 'yizhuang', id: p.id })}
                >
                  {en ? p.nameEn : p.nameZh}
                </button>
              </th>
              <td className="num">
                {p.areaDeclaredKm2 !== null
                  ? t('place.areaDeclared', { km2: p.areaDeclaredKm2 })
                  : t('place.areaEstimate', { km2: p.targetKm2.toFixed(1) })}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('place.yizhuangTotal')}</th>
            <td className="num">{t('place.areaDeclared', { km2: YIZHUANG_TOTAL_KM2 })}</td>
          </tr>
        </tbody>
      </table>
      <p className="layer-note">
        {part.targetStatus === 'estimate' ? t('place.yizhuangEstimate') : null} {t('place.source')}{' '}
        <Source id="seed000" />
      </p>
      <h3>{t('place.yizhuangIndustries')}</h3>
      <ul className="chips" aria-label={t('place.yizhuangIndustries')}>
        {YIZHUANG_LEADING_INDUSTRIES.industriesZh.map((i) => (
          <li key={i} className="chip" lang="zh-CN">
            {i}
          </li>
        ))}
      </ul>
      <Quoted title={t('place.yizhuangIndustriesSentence')} quote={YIZHUANG_LEADING_INDUSTRIES} />
      <Quoted title={t('place.targets2022')} quote={YIZHUANG_TARGETS_2022} />
      <Quoted title={t('place.goal2035')} quote={YIZHUANG_GOAL_2035} />
      <Quoted title={t('place.results2022')} quote={YIZHUANG_RESULTS_2022} />
      <h3>{t('place.priorities2023')}</h3>
      <ol className="priorities" lang="zh-CN">
        {YIZHUANG_PRIORITIES_2023.headingsZh.map((h) => (
          <li key={h}>{h.replace(/^\(.\)/, '')}</li>
        ))}
      </ol>
      <p className="layer-note">
        {t('place.prioritiesNote')} {t('place.source')} <Source id={YIZHUANG_PRIORITIES_2023.source} />
      </p>
      <ZoneBlocks feature={feature} />
    </>
  );
}

function Quoted({ title, quote }: { title: string; quote: Quote }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{title}</h3>
      <p>
        <Plan>{quote.sentenceZh}</Plan>{' '}
        <span className="layer-note">
          {t('place.source')} <Source id={quote.source} />
        </span>
      </p>
    </>
  );
}

function NotFound({
  heading,
  kind,
  id,
}: {
  heading: BodyProps['heading'];
  kind: PlaceRef['kind'];
  id: string;
}) {
  const { t } = useTranslation();
  return (
    <h2 id="place-heading" ref={heading} tabIndex={-1}>
      {t('place.notFound', { kind: t(`place.kinds.${kind}`), id })}
    </h2>
  );
}
