/** Beijing with a margin of ~10 km: [west, south, east, north], degrees (WGS84). */
export const BEIJING_EXTENT = [115.3, 39.35, 117.6, 41.15] as const;
