// Byte-level helpers for building benchmark mail: MIME encodings (RFC 2045) and a seeded random source, so
// every run parses exactly the same bytes.

const utf8 = new TextEncoder();

/** RFC 2045 §6.8 and §6.7: encoded lines are at most 76 characters. */
const MIME_LINE_CHARS = 76;

/** mulberry32: small, fast and reproducible; not for anything but test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

export function utf8Bytes(text: string): Uint8Array {
  return utf8.encode(text);
}

/** One byte per character: for mail whose 8-bit parts are ISO-8859-1. Characters above U+00FF become "?". */
export function latin1Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c <= 0xff ? c : 0x3f;
  }
  return out;
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.byteLength;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** Mail on the wire has CRLF line ends (RFC 5322 §2.1); templates here are written with LF. */
export function crlf(text: string): string {
  return text.replace(/\r?\n/g, "\r\n");
}

const HEX = "0123456789ABCDEF";

/** Quoted-printable (RFC 2045 §6.7) of text in UTF-8 or ISO-8859-1, with soft breaks at 76 characters. */
export function quotedPrintable(text: string, charset: "utf-8" | "iso-8859-1"): string {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const out: string[] = [];
  for (const line of lines) {
    const bytes = charset === "utf-8" ? utf8Bytes(line) : latin1Bytes(line);
    let current = "";
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      const last = i === bytes.length - 1;
      const plain = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
      const piece = plain ? String.fromCharCode(b) : `=${HEX[b >> 4]}${HEX[b & 15]}`;
      if (current.length + piece.length > MIME_LINE_CHARS - 1) {
        out.push(current + "=");
        current = "";
      }
      current += piece;
    }
    out.push(current);
  }
  return out.join("\r\n");
}

const B64 = utf8Bytes("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

/** Base64 (RFC 2045 §6.8) straight into bytes, 76 characters a line, CRLF: fast enough for 25 MiB. */
export function base64Lines(data: Uint8Array): Uint8Array {
  const groups = Math.ceil(data.length / 3);
  const chars = groups * 4;
  const lines = Math.ceil(chars / MIME_LINE_CHARS);
  const out = new Uint8Array(chars + lines * 2);
  let o = 0;
  let col = 0;
  for (let i = 0; i < data.length; i += 3) {
    const b0 = data[i];
    const b1 = i + 1 < data.length ? data[i + 1] : 0;
    const b2 = i + 2 < data.length ? data[i + 2] : 0;
    out[o++] = B64[b0 >> 2];
    out[o++] = B64[((b0 & 3) << 4) | (b1 >> 4)];
    out[o++] = i + 1 < data.length ? B64[((b1 & 15) << 2) | (b2 >> 6)] : 61;
    out[o++] = i + 2 < data.length ? B64[b2 & 63] : 61;
    col += 4;
    if (col === MIME_LINE_CHARS) {
      out[o++] = 13;
      out[o++] = 10;
      col = 0;
    }
  }
  if (col > 0) {
    out[o++] = 13;
    out[o++] = 10;
  }
  return out.subarray(0, o);
}

/** Bytes that look like compressed file content (a PDF stream, a JPEG): no patterns for anything to exploit. */
export function randomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
