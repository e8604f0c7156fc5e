// Bytes read from disk as text, as VS Code opens them: UTF-8 (with or without a BOM) and UTF-16 (with a BOM, or
// without one when the NUL bytes of ASCII text give it away). A BOM is dropped, as the editor does, so positions
// agree with the editor's.

/** The text of a file's bytes. */
export function decodeText(bytes: Uint8Array): string {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (b0 === 0xff && b1 === 0xfe) return decodeUtf16(bytes.subarray(2), true);
  if (b0 === 0xfe && b1 === 0xff) return decodeUtf16(bytes.subarray(2), false);
  // UTF-16 without a BOM: ASCII characters with a NUL byte beside each (`R\0e\0` or `\0R\0e`).
  if (bytes.length >= 4 && b0 !== 0 && b1 === 0 && b2 !== 0 && b3 === 0) return decodeUtf16(bytes, true);
  if (bytes.length >= 4 && b0 === 0 && b1 !== 0 && b2 === 0 && b3 !== 0) return decodeUtf16(bytes, false);
  return new TextDecoder('utf-8').decode(bytes);
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  if (littleEndian) return new TextDecoder('utf-16le').decode(bytes);
  // Swapped into little-endian: 'utf-16be' needs a Node built with full ICU.
  const swapped = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1]!;
    swapped[i + 1] = bytes[i]!;
  }
  return new TextDecoder('utf-16le').decode(swapped);
}

const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Control characters (ANSI escape sequences retitle or clear a terminal), line breaks and bidirectional marks (which
 * reorder what a reader sees) written as visible escapes, `\x1b`, `\u202e`: output shows template text, never obeys it.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(INVISIBLE, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
