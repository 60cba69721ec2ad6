// RFC 3676 format=flowed, decoded with quote depth. postal-mime joins a flowed line to the next one whatever
// their quote depth, so a quoted line that ends in a space swallows the answer written under it ("> … Das
// wäre " + "Ja, das Angebot kommt …" became one quoted line, and the answer was lost). RFC 3676 §4.5: a
// change in quote depth ends the paragraph. So the flowed parameter is hidden from postal-mime and the text
// decoded here.

/** How far after "flowed" a `delsp=yes` of the same header may sit. */
const DELSP_REACH = 120;
/**
 * The format parameter of a Content-Type (RFC 3676 §4.1). The mail is read as latin1, one character per
 * byte, so a match's index is its byte offset and the bytes can be patched in place.
 */
const FLOWED_PARAMETER = /;\s*format\s*=\s*"?flowed/gi;
const FLOWED_LENGTH = "flowed".length;
const LOWER_X = 0x78;

export interface HiddenFlowed {
  /** The mail with every `format=flowed` parameter renamed, so the parser leaves the text as sent. */
  bytes: Uint8Array;
  /** DelSp=yes (RFC 3676 §4.2): the space before a soft line break was added by the sender and goes. */
  delsp: boolean;
}

/**
 * Renames `format=flowed` in the mail's Content-Type parameters to `format=xlowed` (same length, so
 * nothing else moves), or returns null when the mail has none. The input is never changed.
 */
export function hideFlowed(bytes: Uint8Array): HiddenFlowed | null {
  const text = new TextDecoder("latin1").decode(bytes);
  let out: Uint8Array | null = null;
  let delsp = false;
  for (const m of text.matchAll(FLOWED_PARAMETER)) {
    const at = m.index + m[0].length - FLOWED_LENGTH;
    out ??= bytes.slice();
    out[at] = LOWER_X;
    // The rest of this header: up to a line break that is not folded.
    const rest = text.slice(at + FLOWED_LENGTH, at + FLOWED_LENGTH + DELSP_REACH).split(/\r?\n(?![ \t])/)[0];
    delsp ||= /delsp\s*=\s*"?yes/i.test(rest);
  }
  return out ? { bytes: out, delsp } : null;
}

const QUOTE_MARKS = /^>+/;
const SIGNATURE_SEPARATOR = "-- ";

/**
 * Joins the soft line breaks of format=flowed text (RFC 3676 §4.1–4.5): a line ending in a space goes on
 * in the next line, only at the same quote depth; space-stuffing is removed after the quote marks; the
 * signature separator "-- " is never flowed. Quoted lines come out as "> " per depth.
 */
export function decodeFlowed(text: string, delsp: boolean): string {
  const out: { depth: number; text: string }[] = [];
  let open = false;
  for (const raw of text.split(/\r?\n/)) {
    const depth = raw.match(QUOTE_MARKS)?.[0].length ?? 0;
    let content = raw.slice(depth);
    if (content.startsWith(" ")) content = content.slice(1);
    const previous = out[out.length - 1];
    if (open && previous && previous.depth === depth) {
      previous.text += content;
    } else {
      out.push({ depth, text: content });
    }
    const last = out[out.length - 1];
    open = content.endsWith(" ") && content !== SIGNATURE_SEPARATOR;
    if (open && delsp) last.text = last.text.slice(0, -1);
  }
  return out.map((l) => (l.depth ? `${">".repeat(l.depth)} ${l.text}` : l.text)).join("\n");
}
