import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * A strict reader for the WKT polygons a spreadsheet holds: POLYGON and
 * MULTIPOLYGON (optionally with Z/M values, which are dropped). Anything else
 * throws with the reason, so the caller can name the row.
 */
/** Why a text is not a WKT polygon, for the page to say in its language: the reason, and where. */
export class WktError extends Error {
  constructor(
    message: string,
    readonly reason: 'not-polygon' | 'not-wkt' | 'ends-early' | 'expected' | 'number' | 'trailing',
    /** 1-based character position (where known); the expected character; the WKT kind found. */
    readonly detail: { at?: number; expected?: string; kind?: string } = {},
  ) {
    super(message);
  }
}

export function parseWktPolygon(text: string): Polygon | MultiPolygon {
  const s = text.trim();
  const m = /^(MULTIPOLYGON|POLYGON)\s*(ZM|Z|M)?\s*(.*)$/is.exec(s);
  if (!m) {
    const kind = /^[A-Z]+/i.exec(s)?.[0];
    throw kind
      ? new WktError(`${kind.toUpperCase()} is not a polygon`, 'not-polygon', { kind: kind.toUpperCase() })
      : new WktError('not WKT', 'not-wkt');
  }
  let i = 0;
  const body = m[3]!;
  const skip = () => {
    while (i < body.length && /\s/.test(body[i]!)) i++;
  };
  const expect = (ch: string) => {
    skip();
    if (i >= body.length)
      throw new WktError(
        `the text ends early: expected "${ch}" (truncated or unbalanced parentheses?)`,
        'ends-early',
        {
          expected: ch,
        },
      );
    if (body[i] !== ch)
      throw new WktError(`expected "${ch}" at character ${i + 1}`, 'expected', { expected: ch, at: i + 1 });
    i++;
  };
  const number = (): number => {
    skip();
    const r = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(body.slice(i));
    if (!r) throw new WktError(`expected a number at character ${i + 1}`, 'number', { at: i + 1 });
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
  if (i !== body.length)
    throw new WktError(`unexpected text at character ${i + 1}`, 'trailing', { at: i + 1 });
  return geom;
}
