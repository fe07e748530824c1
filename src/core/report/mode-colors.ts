/** One colour per verdict, shared by the map and the exports (KML styles) so they always agree. */
export const MODE_COLORS = {
  remove: '#c62828',
  cut50: '#ef6c00',
  cut25: '#f9a825',
  none: '#616161',
} as const;
