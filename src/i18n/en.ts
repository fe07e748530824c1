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
  blocks: {
    heading: 'Candidate blocks',
    tools: 'Block tools',
    import: 'Import file…',
    importFile: 'Choose files to import (GeoJSON, KML/KMZ, CSV, zipped Shapefile)',
    draw: { polygon: 'Draw polygon', rectangle: 'Draw rectangle', freehand: 'Freehand' },
    undo: 'Undo',
    redo: 'Redo',
    delete: 'Delete selected',
    table: 'Candidate block list',
    col: {
      name: 'Name',
      subpark: 'Sub-park',
      area: 'Area km²',
      share: 'Share',
      mode: 'Mode',
      retained: 'Retained km²',
    },
    empty: 'No blocks yet: import a file, drop one on the map, or draw a polygon.',
    saved: 'Saved on this device',
    saving: 'Saving…',
    saveError: 'Saving failed: {{message}}. Export a backup.',
    fragile: 'fragile',
    totals:
      '{{count}} blocks · union {{union}} km² · in national zones {{national}} km² · net {{net}} km² (integration figure ~718 km²)',
    datum: {
      label: 'Import coordinates',
      wgs84: 'WGS84 (GPS, international maps)',
      gcj02: 'GCJ-02 (Amap, Tencent)',
      bd09: 'BD-09 (Baidu)',
    },
    export: { geojson: 'Export GeoJSON', csv: 'Export CSV' },
    bySubpark: 'Totals by sub-park (retained if every verdict applied)',
    readout: 'Drawing readout',
    outside: 'Outside every sub-park',
    denominator: { declared: 'official area', measured: 'measured area', null: '' },
  },
  scenarios: {
    current: 'Scenario',
    new: 'New scenario',
    duplicate: 'Duplicate scenario',
    name: 'Scenario name',
    compareWith: 'Compare with',
    none: '(no comparison)',
    comparison: 'Scenario comparison',
    blocks: 'Blocks',
    union: 'Union km²',
    retained: 'Retained if every verdict applied km²',
    differing_one: '{{count}} block with a different verdict',
    differing_other: '{{count}} blocks with different verdicts',
    absent: '(not in this scenario)',
    defaultName: 'Scenario {{n}}',
    copyName: '{{name}} (copy)',
  },
  modes: { remove: 'Removed', cut50: 'Cut by 50 %', cut25: 'Cut by 25 %', none: 'Not applicable' },
  units: { ha: 'ha', mu: 'mu' },
  import: {
    done: 'Imported {{count}} blocks from {{file}}',
    errors: {
      'invalid-json': 'The file is not valid JSON',
      'not-geojson': 'The file is not a GeoJSON FeatureCollection',
      empty: 'The file has no features',
      geometry: 'Feature {{feature}} has bad coordinates; nothing was imported',
      'not-polygon': 'Feature {{feature}} is a {{type}}; blocks must be polygons; nothing was imported',
      'unsupported-format':
        '{{ext}} files are not read yet; use GeoJSON, KML/KMZ or a zipped Shapefile (.shp/.shx/.dbf/.prj)',
      'shapefile-parts': 'The Shapefile lacks its {{missing}}; zip .shp, .shx, .dbf and .prj together',
      'unsafe-xml':
        'The KML declares a DOCTYPE/ENTITY (KML needs none; it may be an external-entity attack); not read',
      'csv-geometry': 'CSV row {{row}}, column “{{column}}”: bad geometry; nothing was imported',
      'csv-no-geometry':
        'The CSV has no geometry column: add a WKT column (wkt, geometry) or lon/lat columns with an id column (boundary points)',
      crs: 'Cannot convert the coordinate system “{{crs}}”; export in CGCS2000 Gauss-Krüger or WGS84',
      'too-large': 'The file is larger than {{mb}} MB; split it',
      unreadable: 'The file cannot be read',
    },
  },
  warnings: {
    'near-area-threshold': 'Area near the 2 km² threshold (±0.1 % changes the verdict)',
    'near-share-threshold': 'Share near 20 % (±0.1 point changes the verdict)',
    'share-at-threshold': 'Share exactly 20 %',
    'below-floor': 'Already below the 0.5 km² floor: not cut',
    'floor-applied': 'Kept at the 0.5 km² floor',
    'split-across-subparks': 'Split across sub-parks',
    'outside-subparks': 'Outside every sub-park',
    'in-ecological-district': 'In an ecological-conservation district',
  },
  status: {
    loading: 'Loading map…',
    loadError: 'Layer {{layer}} failed to load: {{message}}',
  },
};
