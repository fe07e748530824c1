import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { searchPlaces } from './search';

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
