import { describe, expect, it } from 'vitest';
import { formatNumber } from './format';

describe('formatNumber', () => {
  it('groups thousands in both languages and rounds as asked', () => {
    expect(formatNumber(100000, 'zh')).toBe('100,000');
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(1234.5678, 'en', 2)).toBe('1,234.57');
    expect(formatNumber(0.5, 'zh', 1)).toBe('0.5');
    expect(formatNumber(2.5, 'zh')).toBe('3');
  });
});
