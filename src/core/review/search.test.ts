import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { searchPlaces } from './search';
import { GROUPS } from '../../data/groups';

const names = (q: string) => searchPlaces(q).map((h) => h.nameZh);

describe('searchPlaces', () => {
  it('finds by Chinese, pinyin (full or initials) and English', () => {
    expect(names('中知学')[0]).toBe('中知学原始创新组团');
    expect(names('zhongzhixue')[0]).toBe('中知学原始创新组团');
    expect(names('zzx')[0]).toBe('中知学原始创新组团');
    expect(names('Zhongzhixue')[0]).toBe('中知学原始创新组团');
    expect(names('chaoyang')).toEqual(['朝阳园']);
    expect(names('Haidian Park')).toEqual(['海淀园']);
  });

  it('lists a sub-park before the groups that share its name, and nothing for nonsense', () => {
    expect(names('丰台').slice(0, 3)).toEqual(['丰台园', '丰台园东区组团', '丰台园西区组团']);
    expect(names('qqqq')).toEqual([]);
    expect(names('  ')).toEqual([]);
  });

  it('uses a current pinyin table (scripts/gen-pinyin.ts --check)', () => {
    expect(() =>
      execFileSync('npx', ['tsx', 'scripts/gen-pinyin.ts', '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  });
});

describe('searchPlaces: Yizhuang', () => {
  it('finds the parts of the Yizhuang new town', () => {
    expect(names('亦庄新城')).toEqual(['亦庄新城核心区', '亦庄新城大兴部分', '亦庄新城通州部分']);
  });
});

describe('searchPlaces: by what the plan says of a place (issue #21)', () => {
  it('"集成" finds the groups that focus on 集成电路, saying so', () => {
    const hits = searchPlaces('集成');
    const groups = GROUPS.filter((g) => g.focus.some((f) => f.includes('集成电路'))).map((g) => g.nameZh);
    expect(groups.length).toBeGreaterThan(0);
    expect(hits.filter((h) => h.kind === 'group').map((h) => h.nameZh)).toEqual(
      expect.arrayContaining(groups),
    );
    expect(hits.find((h) => h.nameZh === groups[0])!.match).toMatchObject({ kind: 'field' });
  });

  it('"人工智能" finds the groups of that field and the sub-parks the plan gives a role in it', () => {
    const hits = searchPlaces('人工智能');
    const groups = GROUPS.filter((g) => g.focus.some((f) => f.includes('人工智能'))).map((g) => g.nameZh);
    expect(groups.length).toBeGreaterThan(0);
    expect(hits.map((h) => h.nameZh)).toEqual(expect.arrayContaining(groups));
  });

  it('"中关村科学城" finds 海淀园 by the name planners use for it', () => {
    const [first] = searchPlaces('中关村科学城');
    expect(first).toMatchObject({ kind: 'subpark', id: 'haidian', match: { kind: 'alias' } });
  });

  it('names still come before what the plan says', () => {
    expect(searchPlaces('海淀')[0]!.nameZh).toBe('海淀园');
  });
});
