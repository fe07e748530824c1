/**
 * Stamps a PNG with its print resolution (a pHYs chunk), so word processors
 * place a 300 dpi A4 map at A4 size instead of at screen size. Browsers'
 * canvas encoders do not write one.
 */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/** The PNG with a pHYs chunk of `dpi` (any previous one replaced), right after IHDR. */
export function withDpi(png: Uint8Array, dpi: number): Uint8Array {
  if (png.length < 33 || SIGNATURE.some((b, i) => png[i] !== b)) throw new Error('not a PNG file');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Uint8Array[] = [png.subarray(0, 8)];
  let at = 8;
  let stamped = false;
  const pxPerMetre = Math.round(dpi / 0.0254);
  while (at + 8 <= png.length) {
    const len = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const end = at + 12 + len;
    if (end > png.length) throw new Error('truncated PNG file');
    if (type !== 'pHYs') chunks.push(png.subarray(at, end));
    if (type === 'IHDR' && !stamped) {
      const chunk = new Uint8Array(21);
      const v = new DataView(chunk.buffer);
      v.setUint32(0, 9);
      chunk.set([112, 72, 89, 115], 4); // "pHYs"
      v.setUint32(8, pxPerMetre);
      v.setUint32(12, pxPerMetre);
      chunk[16] = 1; // unit: metre
      v.setUint32(17, crc32(chunk.subarray(4, 17)));
      chunks.push(chunk);
      stamped = true;
    }
    at = end;
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
