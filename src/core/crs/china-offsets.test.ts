import { describe, expect, it } from 'vitest';
import { bd09ToWgs84, gcj02ToWgs84, wgs84ToBd09, wgs84ToGcj02 } from './china-offsets';
import { ringAreaM2 } from '../geo/area';

describe('GCJ-02 and BD-09 conversion', () => {
  it('moves a Beijing point ~510–560 m east and ~130–160 m north (reference facts §6)', () => {
    const [lon, lat] = wgs84ToGcj02([116.3912, 39.9067]);
    const eastM = (lon - 116.3912) * 111_320 * Math.cos((39.9067 * Math.PI) / 180);
    const northM = (lat - 39.9067) * 110_574;
    expect(eastM).toBeGreaterThan(480);
    expect(eastM).toBeLessThan(600);
    expect(northM).toBeGreaterThan(110);
    expect(northM).toBeLessThan(180);
  });

  it("reproduces Wikipedia's Daxing coordinate conversion (Gaode 39.7269N 116.3414E → 39.7256N 116.3353E)", () => {
    const [lon, lat] = gcj02ToWgs84([116.3414, 39.7269]);
    expect(lon).toBeCloseTo(116.3353, 3);
    expect(lat).toBeCloseTo(39.7256, 3);
  });

  it('inverts the forward transforms to 1e-10°', () => {
    for (const p of [
      [116.3912, 39.9067],
      [115.97, 40.45],
      [117.1, 40.15],
      [116.52, 39.6],
    ] as [number, number][]) {
      const back = gcj02ToWgs84(wgs84ToGcj02(p));
      expect(Math.abs(back[0] - p[0])).toBeLessThan(1e-10);
      expect(Math.abs(back[1] - p[1])).toBeLessThan(1e-10);
      const backBd = bd09ToWgs84(wgs84ToBd09(p));
      expect(Math.abs(backBd[0] - p[0])).toBeLessThan(1e-10);
      expect(Math.abs(backBd[1] - p[1])).toBeLessThan(1e-10);
    }
  });

  it('keeps a block area through BD-09 → WGS84 to better than 1e-6', () => {
    const wgs: [number, number][] = [
      [116.5, 39.79],
      [116.516, 39.79],
      [116.516, 39.8025],
      [116.5, 39.8025],
      [116.5, 39.79],
    ];
    const roundTrip = wgs.map((p) => bd09ToWgs84(wgs84ToBd09(p)));
    expect(Math.abs(ringAreaM2(roundTrip) / ringAreaM2(wgs) - 1)).toBeLessThan(1e-6);
  });
});
