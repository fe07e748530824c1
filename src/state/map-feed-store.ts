import { create } from 'zustand';

/** How far the map is in taking a large change of blocks (see src/map/geojson-feed.ts); null when caught up. */
export interface FeedProgress {
  readonly done: number;
  readonly total: number;
}

export const useMapFeedStore = create<{
  progress: FeedProgress | null;
  setProgress: (p: FeedProgress | null) => void;
}>((set) => ({
  progress: null,
  setProgress: (progress) => set({ progress }),
}));
