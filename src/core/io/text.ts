import { encodingFromCpg } from './prj';

/**
 * Bytes to text for the text formats. Files from Windows tools may be UTF-16
 * with a byte-order mark; KML may declare its encoding; Chinese Excel writes
 * CSV in GBK. Each is read as it says, so a mix-up becomes a correct import,
 * not mojibake or a parse error.
 */

/** The encoding a byte-order mark declares, if any. */
export function bomEncoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | 'utf-8' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  return null;
}

/** JSON: UTF-8 (RFC 8259), or what a byte-order mark says. The mark itself is dropped. */
export function decodeJson(bytes: Uint8Array): string {
  return new TextDecoder(bomEncoding(bytes) ?? 'utf-8').decode(bytes);
}

/** XML in the encoding its byte-order mark or its declaration names (UTF-8 by default). */
export function decodeXml(bytes: Uint8Array): string {
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    // An encoding this runtime does not know: read as UTF-8 and let the parser say what is wrong.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Delimited text: the caller's encoding, else a byte-order mark's, else UTF-8 if it decodes cleanly, else GBK. */
export function decodeText(bytes: Uint8Array, encoding?: string): string {
  if (encoding) return new TextDecoder(encodingFromCpg(encoding) ?? 'utf-8').decode(bytes);
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}
