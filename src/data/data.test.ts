import { roleSentencesOf, SUBPARK_ROLE_SENTENCES, subparksNamedIn } from './subpark-roles';
import { describe, expect, it } from 'vitest';
import { GROUPS, GROUP_CATEGORIES } from './groups';
import { MODES } from './modes';
import { SUBPARKS, ZGC_OFFICIAL_PARK_COUNT } from './subparks';
import { INDUSTRIES } from './taxonomy';
import { resolveFocus } from './focus';
import { DISTRICTS } from './districts';
import { SOURCES } from './sources';
import { YIZHUANG_PARTS } from './yizhuang';

// Expectations below are read off seed 003 (第三章第二节, 第四章第一节) and seed 000 by hand.

describe('the 31 development groups (seed 003 第三章第二节)', () => {
  it('are 31, numbered 1–31, with unique ids and names', () => {
    expect(GROUPS).toHaveLength(31);
    expect(GROUPS.map((g) => g.no)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(new Set(GROUPS.map((g) => g.id)).size).toBe(31);
    expect(new Set(GROUPS.map((g) => g.nameZh)).size).toBe(31);
  });

  it('fall into the four categories 9 / 7 / 11 / 4', () => {
    const count = (c: string) => GROUPS.filter((g) => g.category === c).length;
    expect(count('三城一区')).toBe(9);
    expect(count('核心区和中心城区')).toBe(7);
    expect(count('副中心和多点地区')).toBe(11);
    expect(count('生态涵养区')).toBe(4);
    expect(GROUP_CATEGORIES.map((c) => c.count)).toEqual([9, 7, 11, 4]);
  });

  it('have every field filled in', () => {
    for (const g of GROUPS) {
      expect(g.nameZh, g.id).toMatch(/组团$/);
      expect(g.nameEn, g.id).toMatch(/Group$/);
      expect(g.districts.length, g.id).toBeGreaterThan(0);
      expect(g.focus.length, g.id).toBeGreaterThan(0);
      expect(g.positioningZh, g.id).toMatch(/^(全面)?(打造|建设)/);
      expect(
        SUBPARKS.some((s) => s.id === g.subparkId),
        g.id,
      ).toBe(true);
      for (const d of g.districts)
        expect(
          DISTRICTS.some((x) => x.short === d),
          `${g.id} ${d}`,
        ).toBe(true);
    }
  });

  it('reassemble their source sentence from name, focus and positioning', () => {
    for (const g of GROUPS) {
      const s = g.sourceSentence;
      expect(s.startsWith(`${g.nameZh}聚焦`), g.id).toBe(true);
      expect(s.endsWith(`${g.positioningZh}。`), g.id).toBe(true);
      expect(s, g.id).toContain(g.focus.join('、'));
    }
  });

  it('have the focus and positioning of hand-checked examples', () => {
    const byName = (n: string) => GROUPS.find((g) => g.nameZh === n)!;
    expect(byName('未来科学城东区组团').focus).toEqual(['能源互联网']);
    expect(byName('亦庄园组团').focus).toEqual([
      '机器人',
      '智能装备',
      '集成电路',
      '网络信息安全',
      '创新药物',
      '智能网联汽车与智能出行',
    ]);
    expect(byName('健翔园组团').positioningZh).toBe('建设中科院前沿技术成果转化基地');
    expect(byName('燕房组团').positioningZh).toBe('打造“材料创新谷”');
    expect(byName('顺义园北区组团').focus).toContain('第三代半导体');
  });

  it('map every focus item onto the taxonomy, noting the ones the taxonomy lacks', () => {
    const notInTaxonomy = new Set<string>();
    for (const g of GROUPS) {
      for (const f of g.focus) {
        const r = resolveFocus(f);
        expect(INDUSTRIES).toContain(r.industry);
        if (!r.inTaxonomy) {
          notInTaxonomy.add(r.fieldZh);
          expect(r.noteZh).toContain(r.industry.nameZh);
        }
      }
    }
    // Terms seed 003 uses for groups that 第二章 does not list as fields:
    expect([...notInTaxonomy].sort()).toEqual(
      [
        '中医药',
        '体育科技',
        '先进化工材料',
        '创意设计',
        '园艺科技',
        '无人机',
        '新型显示材料',
        '石墨烯',
        '研发设计',
        '科学仪器和传感器',
        '第三代半导体',
        '高性能纳米材料',
      ].sort(),
    );
    expect(resolveFocus('石墨烯').industry.nameZh).toBe('新材料');
    expect(resolveFocus('创新药物(研发)')).toMatchObject({
      fieldZh: '创新药物',
      qualifierZh: '研发',
      inTaxonomy: true,
    });
  });

  it('follow the development modes of 第四章第一节', () => {
    const modesOf = (n: string) => GROUPS.find((g) => g.nameZh === n)!.modes.map((m) => m.mode);
    expect(modesOf('未来科学城西区组团')).toEqual(['research', 'community']);
    expect(GROUPS.find((g) => g.nameZh === '未来科学城西区组团')!.modes[1]!.partZh).toBe('回龙观地区');
    expect(modesOf('大兴临空组团')).toEqual([]);
    // Every listing in a mode's paragraph names a group that carries that mode, and vice versa.
    const normalise = (n: string) => n.replace(/\(.*\)$/, '').replace(/^门头沟组团$/, '门头沟园组团');
    for (const m of MODES) {
      const listed = m.groupsAsListed.map(normalise).sort();
      const carrying = GROUPS.filter((g) => g.modes.some((x) => x.mode === m.id))
        .map((g) => g.nameZh)
        .sort();
      expect(carrying, m.nameZh).toEqual(listed);
    }
    expect(MODES.map((m) => m.groupsAsListed.length)).toEqual([5, 2, 8, 6, 5, 5]);
  });
});

describe('sub-parks, districts and Yizhuang', () => {
  it('model 一区十六园 as 17 units of 16 official parks, 大兴园 and 亦庄园 sharing one', () => {
    expect(SUBPARKS).toHaveLength(17);
    expect(new Set(SUBPARKS.map((s) => s.officialParkId)).size).toBe(ZGC_OFFICIAL_PARK_COUNT);
    expect(SUBPARKS.filter((s) => s.officialParkId === 'daxing_yizhuang').map((s) => s.nameZh)).toEqual([
      '大兴园',
      '亦庄园',
    ]);
  });

  it('declare only the sourced areas (朝阳 26.1, 丰台 17.63, 顺义 12.08, 平谷 5.08)', () => {
    const declared = Object.fromEntries(
      SUBPARKS.filter((s) => s.areaDeclaredKm2 !== null).map((s) => [s.nameZh, s.areaDeclaredKm2]),
    );
    expect(declared).toEqual({ 朝阳园: 26.1, 丰台园: 17.63, 顺义园: 12.08, 平谷园: 5.08 });
    for (const s of SUBPARKS) if (s.areaDeclaredKm2 !== null) expect(s.areaSource).not.toBeNull();
  });

  it('put the six central districts and 亦庄 in the first evaluation class (seed 002)', () => {
    const first = SUBPARKS.filter((s) => s.evaluationClass === '城六区与亦庄')
      .map((s) => s.nameZh)
      .sort();
    expect(first).toEqual(['东城园', '丰台园', '亦庄园', '朝阳园', '海淀园', '石景山园', '西城园'].sort());
  });

  it('classify the 16 districts, with 昌平 and 房山 partly ecological', () => {
    expect(DISTRICTS).toHaveLength(16);
    expect(
      DISTRICTS.filter((d) => d.ecological === 'wholly')
        .map((d) => d.short)
        .sort(),
    ).toEqual(['门头沟', '平谷', '怀柔', '密云', '延庆'].sort());
    expect(
      DISTRICTS.filter((d) => d.ecological === 'partly')
        .map((d) => d.short)
        .sort(),
    ).toEqual(['房山', '昌平'].sort());
    expect(DISTRICTS.filter((d) => d.centralSix)).toHaveLength(6);
  });

  it('split Yizhuang 225 = 60 + 165, with only the Daxing/Tongzhou split estimated', () => {
    const t = Object.fromEntries(YIZHUANG_PARTS.map((p) => [p.id, p]));
    expect(t.core!.targetKm2).toBe(60);
    expect(t.core!.targetStatus).toBe('declared');
    expect(t.daxing!.targetKm2 + t.tongzhou!.targetKm2).toBeCloseTo(165, 9);
    expect(t.daxing!.targetStatus).toBe('estimate');
    expect(t.tongzhou!.areaDeclaredKm2).toBeNull();
  });

  it('cite only sources that exist', () => {
    const ids = new Set(Object.keys(SOURCES));
    for (const s of SUBPARKS) {
      if (s.areaSource) expect(ids.has(s.areaSource)).toBe(true);
      if (s.areaApproxKm2) expect(ids.has(s.areaApproxKm2.source)).toBe(true);
    }
    for (const d of DISTRICTS) for (const src of d.sources) expect(ids.has(src)).toBe(true);
  });
});

describe('sub-park roles (seed 003, 第二章)', () => {
  it('name the sub-parks as the plan does: 海淀园 leads 新一代信息技术; 大兴园 and 亦庄园 make the south of 生物与健康', () => {
    expect(roleSentencesOf('haidian').map((r) => r.industryId)).toEqual([
      'ngit',
      'bio',
      'transport',
      'materials',
      'services',
    ]);
    expect(roleSentencesOf('daxing').map((r) => r.industryId)).toEqual(['bio', 'manufacturing', 'services']);
    expect(roleSentencesOf('yizhuang').map((r) => r.industryId)).toEqual([
      'ngit',
      'bio',
      'manufacturing',
      'manufacturing',
      'transport',
      'energy',
    ]);
    // "通州国际种业园" is not 通州园: 通州园's roles are 新一代信息技术 (radiating) and 城市科技.
    expect(roleSentencesOf('tongzhou').map((r) => r.industryId)).toEqual(['ngit', 'services']);
  });
});

describe('sub-park roles: each named sub-park has a role, and only named ones', () => {
  it('matches the sub-parks each sentence names', () => {
    for (const r of SUBPARK_ROLE_SENTENCES)
      expect(Object.keys(r.roles).sort(), r.sentenceZh.slice(0, 10)).toEqual(
        subparksNamedIn(r.sentenceZh).sort(),
      );
  });
});
