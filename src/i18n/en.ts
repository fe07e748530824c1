import type { zh } from './zh';

// Same keys as zh, except plural forms, which English has more of.
type Shape<T> = {
  [K in keyof T as K extends `${infer B}_other` ? K | `${B}_one` : K]: K extends keyof T
    ? T[K] extends string
      ? string
      : Shape<T[K]>
    : string;
};

export const en: Shape<typeof zh> = {
  app: {
    title: 'ParkPlan',
    subtitle: 'Zhongguancun zone and Yizhuang new town',
    switchLanguage: '中文',
    switchLanguageLabel: 'Switch to Chinese',
  },
  layers: {
    heading: 'Layers',
    toggle: 'Show {{title}}',
    opacity: '{{title}} opacity',
    schematic: 'Schematic',
    schematicTitle: 'Schematic geometry: locations and shapes are estimates, not official boundaries',
    generalised: 'Generalised',
    featureCount_one: '{{count}} feature',
    featureCount_other: '{{count}} features',
    declared: 'Official area {{km2}} km²',
    measured: 'Measured {{km2}} km²',
  },
  legend: {
    heading: 'Legend',
    groupsByCategory: 'Development groups (by category)',
    districtClasses: 'District classes',
    partlyEcological: 'The mountain parts of Changping and Fangshan are ecological conservation areas',
    yizhuangCore: 'Core (60 km², official)',
    yizhuangOuter: 'Daxing and Tongzhou parts (165 km² together, official; the split is an estimate)',
    scope: 'Zone scope (488 km²)',
    subparks: 'Sub-parks (schematic)',
  },
  notice: {
    schematic:
      'Schematic map: the plan publishes no sub-park or group boundaries. Shapes are calibrated to the official totals and placed at estimated locations; take area figures from the official documents.',
    offline: 'Offline basemap',
  },
  hover: {
    area: 'Measured area {{km2}} km²',
    declaredArea: 'Official area {{km2}} km²',
    schematic: 'schematic',
  },
  status: {
    loading: 'Loading map…',
    loadError: 'Layer {{layer}} failed to load: {{message}}',
  },
};
