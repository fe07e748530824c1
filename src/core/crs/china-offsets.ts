import gcoord from 'gcoord';

/**
 * GCJ-02 (Amap, Tencent) and BD-09 (Baidu) are obfuscated datums defined by
 * their forward transform from WGS84. gcoord's inverses stop at 1e-6°
 * (~0.1 m); we invert its forward transforms by fixed-point iteration to
 * 1e-12° so that areas survive the round trip (relative error < 1e-9).
 */

type LonLat = [number, number];

const TOLERANCE_DEG = 1e-12;
const MAX_ITERATIONS = 50;

function invert(forward: (p: LonLat) => LonLat, target: LonLat, start: LonLat): LonLat {
  let x = start[0];
  let y = start[1];
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const [fx, fy] = forward([x, y]);
    const dx = fx - target[0];
    const dy = fy - target[1];
    x -= dx;
    y -= dy;
    if (Math.abs(dx) < TOLERANCE_DEG && Math.abs(dy) < TOLERANCE_DEG) break;
  }
  return [x, y];
}

export function wgs84ToGcj02(p: LonLat): LonLat {
  return gcoord.transform(p, gcoord.WGS84, gcoord.GCJ02) as LonLat;
}

export function gcj02ToBd09(p: LonLat): LonLat {
  return gcoord.transform(p, gcoord.GCJ02, gcoord.BD09) as LonLat;
}

export function wgs84ToBd09(p: LonLat): LonLat {
  return gcj02ToBd09(wgs84ToGcj02(p));
}

export function gcj02ToWgs84(p: LonLat): LonLat {
  const start = gcoord.transform(p, gcoord.GCJ02, gcoord.WGS84) as LonLat;
  return invert(wgs84ToGcj02, p, start);
}

export function bd09ToGcj02(p: LonLat): LonLat {
  const start = gcoord.transform(p, gcoord.BD09, gcoord.GCJ02) as LonLat;
  return invert(gcj02ToBd09, p, start);
}

export function bd09ToWgs84(p: LonLat): LonLat {
  return gcj02ToWgs84(bd09ToGcj02(p));
}
