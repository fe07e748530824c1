import type { LayerId } from '../../data/layers';

/** A layer theme, as QGIS has map themes: a named set of visible layers, applied in one click. */
export interface LayerTheme {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly visible: Readonly<Record<LayerId, boolean>>;
}

const base: Record<LayerId, boolean> = {
  districts: true,
  'district-labels': true,
  yizhuang: false,
  'zgc-scope': false,
  'zgc-subparks': false,
  'zgc-groups': false,
};

/** Themes every scenario starts with. */
export const DEFAULT_THEMES: readonly LayerTheme[] = [
  {
    id: 'all',
    nameZh: '全部图层',
    nameEn: 'All layers',
    visible: { ...base, yizhuang: true, 'zgc-scope': true, 'zgc-subparks': true, 'zgc-groups': true },
  },
  {
    id: 'groups',
    nameZh: '发展组团',
    nameEn: 'Development groups',
    visible: { ...base, 'zgc-scope': true, 'zgc-groups': true },
  },
  {
    id: 'subparks',
    nameZh: '分园',
    nameEn: 'Sub-parks',
    visible: { ...base, 'zgc-scope': true, 'zgc-subparks': true },
  },
  { id: 'yizhuang', nameZh: '亦庄新城', nameEn: 'Yizhuang new town', visible: { ...base, yizhuang: true } },
  { id: 'basemap', nameZh: '仅底图', nameEn: 'Basemap only', visible: base },
];
