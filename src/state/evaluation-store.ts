import { create } from 'zustand';
import {
  DEFAULT_EVALUATION_PARAMS,
  type BottomRounding,
  type EvaluationParams,
} from '../core/rules/evaluation';

/**
 * How the evaluation reads what seed 002 leaves open: how many of a class of n
 * blocks are its "排名后5%" (rounded up by default). Remembered on this device.
 */
const STORAGE_KEY = 'parkplan.evaluation';
const ROUNDINGS: readonly BottomRounding[] = ['ceil', 'floor', 'round'];

function load(): EvaluationParams {
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<EvaluationParams> | null;
    const bottomRounding =
      ROUNDINGS.find((r) => r === raw?.bottomRounding) ?? DEFAULT_EVALUATION_PARAMS.bottomRounding;
    return { ...DEFAULT_EVALUATION_PARAMS, bottomRounding };
  } catch {
    return DEFAULT_EVALUATION_PARAMS;
  }
}

export const useEvaluationStore = create<{
  params: EvaluationParams;
  setRounding: (r: BottomRounding) => void;
}>()((set, get) => ({
  params: typeof localStorage === 'undefined' ? DEFAULT_EVALUATION_PARAMS : load(),
  setRounding: (bottomRounding) => {
    const params = { ...get().params, bottomRounding };
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ bottomRounding }));
    } catch {
      // Private mode or a full disk: the choice lasts for this session.
    }
    set({ params });
  },
}));
