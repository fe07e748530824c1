export const zh = {
  app: {
    title: '园区规划一张图',
    subtitle: '中关村示范区与亦庄新城',
    switchLanguage: 'English',
    switchLanguageLabel: '切换到英文界面',
  },
  layers: {
    heading: '图层',
    toggle: '显示 {{title}}',
    opacity: '{{title}} 透明度',
    schematic: '示意',
    schematicTitle: '示意几何：位置与形状为估计，非官方边界',
    generalised: '概化',
    featureCount_other: '{{count}} 个要素',
    declared: '官方面积 {{km2}} km²',
    measured: '量算 {{km2}} km²',
  },
  legend: {
    heading: '图例',
    groupsByCategory: '发展组团（按类别）',
    districtClasses: '行政区类别',
    partlyEcological: '昌平、房山的山区部分属生态涵养区',
    yizhuangCore: '核心区（60 km²，官方）',
    yizhuangOuter: '大兴、通州部分（合计165 km²，官方；划分为估计）',
    scope: '示范区范围（488 km²）',
    subparks: '分园（示意）',
  },
  notice: {
    schematic:
      '示意图：规划未公布分园与组团边界。图中几何为按官方总面积校准的示意，位置为估计；面积数字请以官方文件为准。',
    offline: '离线底图',
  },
  hover: {
    area: '量算面积 {{km2}} km²',
    declaredArea: '官方面积 {{km2}} km²',
    schematic: '示意',
  },
  status: {
    loading: '地图加载中…',
    loadError: '图层 {{layer}} 加载失败：{{message}}',
  },
} as const;
