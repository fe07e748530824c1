import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * A strict reader for the WKT polygons a spreadsheet holds: POLYGON and
 * MULTIPOLYGON (optionally with Z/M values, which are dropped). Anything else
 * throws with the reason, so the caller can name the row.
 */
export function parseWktPolygon(text: string): Polygon | MultiPolygon {
  const s = text.trim();
  const m = /^(MULTIPOLYGON|POLYGON)\s*(ZM|Z|M)?\s*(.*)$/is.exec(s);
  if (!m) {
    const kind = /^[A-Z]+/i.exec(s)?.[0];
    throw new Error(kind ? `${kind.toUpperCase()} is not a polygon` : 'not WKT');
  }
  let i = 0;
  const body = m[3]!;
  const skip = () => {
    while (i < body.length && /\s/.test(body[i]!)) i++;
  };
  const expect = (ch: string) => {
    skip();
    if (i >= body.length)
      throw new Error(`the text ends early: expected "${ch}" (truncated or unbalanced parentheses?)`);
    if (body[i] !== ch) throw new Error(`expected "${ch}" at character ${i + 1}`);
    i++;
  };
  const number = (): number => {
    skip();
    const r = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(body.slice(i));
    if (!r) throw new Error(`expected a number at character ${i + 1}`);
    i += r[0].length;
    return Number(r[0]);
  };
  const list = <T>(item: () => T): T[] => {
    expect('(');
    const out = [item()];
    skip();
    while (body[i] === ',') {
      i++;
      out.push(item());
      skip();
    }
    expect(')');
    return out;
  };
  const position = (): Position => {
    const p: number[] = [number(), number()];
    skip();
    while (i < body.length && body[i] !== ',' && body[i] !== ')') {
      number(); // Z or M: dropped
      skip();
    }
    return p;
  };
  const ring = () => list(position);
  const polygon = () => list(ring);
  const geom: Polygon | MultiPolygon =
    m[1]!.toUpperCase() === 'POLYGON'
      ? { type: 'Polygon', coordinates: polygon() }
      : { type: 'MultiPolygon', coordinates: list(polygon) };
  skip();
  if (i !== body.length) throw new Error(`unexpected text at character ${i + 1}`);
  return geom;
}
