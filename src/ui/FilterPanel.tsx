import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFilterStore } from '../state/filter-store';
import { usePanelStore, type PlaceRef } from '../state/panel-store';
import { GROUPS, GROUP_CATEGORIES } from '../data/groups';
import { MODES } from '../data/modes';
import { INDUSTRIES, TIER_NAMES, type IndustryTier } from '../data/taxonomy';
import { FIELD_EXTENSIONS } from '../data/focus';
import { facetCounts, isEmpty, matchesGroup, type Dimension } from '../core/review/group-filter';
import { searchPlaces } from '../core/review/search';

const TIERS: readonly IndustryTier[] = ['leading', 'key', 'services', 'future'];

/** Each industry's fields: the plan's own (第二章), then those ParkPlan files under it (focus.ts). */
const FIELDS_OF = new Map(
  INDUSTRIES.map((i) => [
    i.id,
    [
      ...i.fields.map((f) => ({ zh: f.zh, en: f.en, extension: false })),
      ...Object.entries(FIELD_EXTENSIONS)
        .filter(([, e]) => e.industryId === i.id)
        .map(([zh, e]) => ({ zh, en: e.en, extension: true })),
    ],
  ]),
);

/**
 * Filters over the 31 groups (industry, field, mode, category; several at
 * once, with counts) that dim the groups left out on the map, and a search
 * box for group and sub-park names in Chinese, pinyin or English.
 */
/** A matched text cut to a line's length (a group's positioning is a sentence). */
const shorten = (s: string) => (s.length > 24 ? `${s.slice(0, 23)}…` : s);

export function FilterPanel() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const filter = useFilterStore((s) => s.filter);
  const toggleChoice = useFilterStore((s) => s.toggle);
  const clear = useFilterStore((s) => s.clear);
  const [query, setQuery] = useState('');
  const shown = GROUPS.filter((g) => matchesGroup(g, filter)).length;
  const counts = useMemo(
    () => ({
      industries: facetCounts(
        GROUPS,
        filter,
        'industries',
        INDUSTRIES.map((i) => i.id),
      ),
      fields: facetCounts(
        GROUPS,
        filter,
        'fields',
        [...FIELDS_OF.values()].flat().map((f) => f.zh),
      ),
      modes: facetCounts(
        GROUPS,
        filter,
        'modes',
        MODES.map((m) => m.id),
      ),
      categories: facetCounts(
        GROUPS,
        filter,
        'categories',
        GROUP_CATEGORIES.map((c) => c.id),
      ),
    }),
    [filter],
  );
  const hits = useMemo(() => searchPlaces(query).slice(0, 12), [query]);
  const searchRef = useRef<HTMLInputElement>(null);
  const hitsRef = useRef<HTMLUListElement>(null);
  const hitButtons = () => [...(hitsRef.current?.querySelectorAll('button') ?? [])];

  const box = (d: Dimension, value: string, label: string) => {
    const checked = (filter[d] as readonly string[]).includes(value);
    const n = counts[d].get(value) ?? 0;
    return (
      <label className={n === 0 && !checked ? 'choice empty' : 'choice'}>
        <input type="checkbox" checked={checked} onChange={() => toggleChoice(d, value)} /> {label}{' '}
        <span className="count">({n})</span>
      </label>
    );
  };

  return (
    <section className="panel filters" aria-labelledby="filter-heading">
      <h2 id="filter-heading">{t('filter.heading')}</h2>
      <label className="field">
        {t('filter.search')}
        <input
          ref={searchRef}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('filter.searchHint')}
          onKeyDown={(e) => {
            // Down from the box into the results; Enter opens the first.
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              hitButtons()[0]?.focus();
            } else if (e.key === 'Enter' && hits[0]) {
              e.preventDefault();
              usePanelStore.getState().open({ kind: hits[0].kind, id: hits[0].id } as PlaceRef);
            }
          }}
        />
      </label>
      {query.trim() && (
        <ul
          className="search-hits"
          aria-label={t('filter.hits')}
          ref={hitsRef}
          onKeyDown={(e) => {
            // Arrow keys move through the results; up from the first, or Escape, goes back to the box.
            const buttons = hitButtons();
            const k = buttons.indexOf(document.activeElement as HTMLButtonElement);
            if (k < 0) return;
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const next = k + (e.key === 'ArrowDown' ? 1 : -1);
              if (next < 0) searchRef.current?.focus();
              else buttons[Math.min(next, buttons.length - 1)]?.focus();
            } else if (e.key === 'Escape') {
              e.stopPropagation();
              searchRef.current?.focus();
            }
          }}
        >
          {hits.length === 0 && <li className="layer-note">{t('filter.noHits')}</li>}
          {hits.map((h) => (
            <li key={`${h.kind}:${h.id}`}>
              <button
                type="button"
                className="link"
                onClick={() => usePanelStore.getState().open({ kind: h.kind, id: h.id } as PlaceRef)}
              >
                {en ? h.nameEn : h.nameZh}
              </button>{' '}
              <span className="layer-note">
                {t(`place.kinds.${h.kind}`)}
                {h.match &&
                  ` · ${t(`filter.matched.${h.match.kind}`, { text: shorten(en ? h.match.en : h.match.zh) })}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="layer-meta" role="status" aria-live="polite">
        {t('filter.shown', { shown, total: GROUPS.length })}{' '}
        <button type="button" onClick={clear} disabled={isEmpty(filter)}>
          {t('filter.clear')}
        </button>
      </p>
      <details open>
        <summary>{t('filter.industries')}</summary>
        {TIERS.map((tier) => (
          <fieldset key={tier}>
            <legend>{en ? TIER_NAMES[tier].en : TIER_NAMES[tier].zh}</legend>
            {INDUSTRIES.filter((i) => i.tier === tier).map((ind) => (
              <div key={ind.id} className="industry-choice">
                {box('industries', ind.id, en ? ind.nameEn : ind.nameZh)}
                {(FIELDS_OF.get(ind.id)?.length ?? 0) > 0 && (
                  <details>
                    <summary>{t('filter.fieldsOf', { industry: en ? ind.nameEn : ind.nameZh })}</summary>
                    <div className="field-choices">
                      {FIELDS_OF.get(ind.id)!.map((f) => (
                        <span key={f.zh} title={f.extension ? t('filter.extension') : undefined}>
                          {box('fields', f.zh, en ? f.en : f.zh)}
                        </span>
                      ))}
                    </div>
                  </details>
                )}
              </div>
            ))}
          </fieldset>
        ))}
      </details>
      <fieldset>
        <legend>{t('filter.modes')}</legend>
        {MODES.map((m) => (
          <div key={m.id}>{box('modes', m.id, en ? m.nameEn : m.nameZh)}</div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('filter.categories')}</legend>
        {GROUP_CATEGORIES.map((c) => (
          <div key={c.id}>{box('categories', c.id, en ? c.en : c.id)}</div>
        ))}
      </fieldset>
    </section>
  );
}
