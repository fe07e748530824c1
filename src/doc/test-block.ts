import type { Block } from './model';

/** A small drawn block near Tiananmen, for tests of the document code (same shape every time). */
export const testBlock = (id: string, name = id): Block => ({
  id,
  name,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [116.4, 39.9],
        [116.41, 39.9],
        [116.41, 39.91],
        [116.4, 39.9],
      ],
    ],
  },
  attributes: {},
  origin: { kind: 'drawn' },
});
