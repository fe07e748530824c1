import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { buildContext } from './context';
import { evaluateBlocks } from './evaluate-blocks';
import { embeddedLayers } from '../../cli/load';
import { groupCentre, squareBlock } from './test-squares';

const centre = groupCentre;
const square = squareBlock;

describe('block reports on the embedded layers', () => {
  const ctx = buildContext(embeddedLayers());
  const blocks: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      square('yanqing', centre('yanqing-park')),
      square('yanqing-long', centre('yanqing-park'), 0.001),
      square('chaoyang', centre('electronics-town')),
      square('haidian', centre('zhongzhixue')),
    ],
  };
  const inputs = new Map([
    ['yanqing', { transitionYears: 3 }],
    ['yanqing-long', { transitionYears: 7 }],
    ['haidian', { transitionYears: 2 }],
  ]);
  const { blocks: r } = evaluateBlocks(blocks, ctx, { inputs });
  const get = (id: string) => r.find((b) => b.id === id)!;

  it('finds the sub-park, district and evaluation class of each block', () => {
    expect(get('yanqing')).toMatchObject({ subpark: '延庆园', evaluationClass: '其他分园' });
    expect(get('yanqing').districts.map((d) => d.name)).toEqual(['延庆区']);
    expect(get('chaoyang')).toMatchObject({ subpark: '朝阳园', evaluationClass: '城六区与亦庄' });
    expect(get('haidian').subpark).toBe('海淀园');
  });

  it('uses the declared area as denominator where there is one (朝阳园 26.1 km²), else the measured area', () => {
    expect(get('chaoyang')).toMatchObject({ shareDenominator: 'declared', subparkAreaKm2: 26.1 });
    expect(get('chaoyang').shareOfSubpark).toBeCloseTo(get('chaoyang').areaKm2 / 26.1, 12);
    expect(get('haidian').shareDenominator).toBe('measured');
  });

  it('counts ecological-district area and gives a transition period of at most five years there only', () => {
    expect(get('yanqing').ecologicalKm2).toBeCloseTo(get('yanqing').areaKm2, 9);
    expect(get('yanqing').warnings).toContain('in-ecological-district');
    expect(get('yanqing')).toMatchObject({ status: 'transition', transitionYears: 3 });
    expect(get('yanqing-long')).toMatchObject({ status: 'transition', transitionYears: 5 });
    expect(get('yanqing-long').warnings).toContain('transition-exceeds-5-years');
    expect(get('haidian')).toMatchObject({ status: 'preview', transitionYears: null });
    expect(get('haidian').warnings).toContain('transition-not-ecological');
  });

  it('lies in the ZGC scope and so in the national zones', () => {
    for (const b of r) {
      expect(b.zgcScopeKm2, b.id).toBeCloseTo(b.areaKm2, 9);
      expect(b.nationalKm2, b.id).toBeCloseTo(b.areaKm2, 9);
    }
  });
});
