import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { withDpi } from './png-dpi';

/** The chunk types of a PNG, in order, and the pHYs payload if any. */
function chunks(png: Uint8Array) {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const types: string[] = [];
  let phys: { x: number; y: number; unit: number } | null = null;
  for (let at = 8; at < png.length;) {
    const len = v.getUint32(at);
    const type = Buffer.from(png.subarray(at + 4, at + 8)).toString('latin1');
    types.push(type);
    if (type === 'pHYs') phys = { x: v.getUint32(at + 8), y: v.getUint32(at + 12), unit: png[at + 16]! };
    at += 12 + len;
  }
  return { types, phys };
}

const sample = () => {
  const img = new PNG({ width: 3, height: 2 });
  img.data.fill(200);
  return new Uint8Array(PNG.sync.write(img));
};

describe('withDpi', () => {
  it('adds pHYs right after IHDR: 300 dpi is 11811 pixels per metre', () => {
    const out = withDpi(sample(), 300);
    const { types, phys } = chunks(out);
    expect(types.slice(0, 2)).toEqual(['IHDR', 'pHYs']);
    expect(phys).toEqual({ x: 11811, y: 11811, unit: 1 });
  });

  it('leaves a PNG that a strict decoder (checking every CRC) reads with the same pixels', () => {
    const img = PNG.sync.read(Buffer.from(withDpi(sample(), 150)), { checkCRC: true } as never);
    expect([img.width, img.height]).toEqual([3, 2]);
    expect(img.data[0]).toBe(200);
  });

  it('replaces an existing pHYs instead of adding a second', () => {
    const twice = withDpi(withDpi(sample(), 96), 300);
    const { types, phys } = chunks(twice);
    expect(types.filter((t) => t === 'pHYs')).toHaveLength(1);
    expect(phys!.x).toBe(11811);
  });

  it('refuses what is not a PNG', () => {
    expect(() => withDpi(new Uint8Array(40), 300)).toThrow('not a PNG');
  });
});
