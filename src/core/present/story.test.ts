import { describe, expect, it } from 'vitest';
import { DEFAULT_STORY, moveView, newViewId } from './story';
import { GROUP_CATEGORIES } from '../../data/groups';

describe('the shipped story', () => {
  it('runs overview → the four categories (seed 003 order) → Yizhuang → candidate blocks', () => {
    expect(DEFAULT_STORY.map((v) => v.id)).toEqual([
      'overview',
      'category-1',
      'category-2',
      'category-3',
      'category-4',
      'yizhuang',
      'blocks',
    ]);
    expect(DEFAULT_STORY.slice(1, 5).map((v) => v.filter.categories[0])).toEqual(
      GROUP_CATEGORIES.map((c) => c.id),
    );
  });
});

describe('editing views', () => {
  it('moves a view up and down, and not past either end', () => {
    const ids = (vs: readonly { id: string }[]) => vs.map((v) => v.id);
    expect(ids(moveView(DEFAULT_STORY, 'yizhuang', -1)).slice(4, 6)).toEqual(['yizhuang', 'category-4']);
    expect(ids(moveView(DEFAULT_STORY, 'overview', -1))).toEqual(ids(DEFAULT_STORY));
    expect(ids(moveView(DEFAULT_STORY, 'blocks', 1))).toEqual(ids(DEFAULT_STORY));
  });

  it('hands out a fresh id', () => {
    expect(newViewId(DEFAULT_STORY)).toBe('view-8');
  });
});
