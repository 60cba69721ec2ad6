// Plain text from HTML-only mail (and HTML-only forwards), shaped so the forwarded header block survives: one header per
// line, no blank lines inside the block, and Outlook's <hr> kept as the underscore line its own plain
// text uses. Source line breaks in HTML are just whitespace (HTML Living Standard, "inter-element
// whitespace"), so they must not become line breaks: Outlook folds long header lines in its HTML source.
import { mayHideElement, SHRINKING_ELEMENTS, styleSheetFacts } from "./html-readable";

/** HTML we read; the forwarded block sits near the top, and the regexes below are linear but not free. */
export const MAX_HTML_CHARS = 256 * 1024;

/** The line Outlook (web, new, Live) prints in plain text where its HTML has the <hr> above a forward. */
export const OUTLOOK_RULE = "_".repeat(32);

const BLOCK_TAGS =
  "p|div|tr|table|tbody|thead|li|ul|ol|h[1-6]|blockquote|section|article|header|footer|pre|address|center";
// Tag patterns stop at the next "<" as well as at ">", so a run of unclosed "<" costs linear time.
const BLOCK_TAG = new RegExp(`<\\/?(?:${BLOCK_TAGS})\\b[^<>]*>`, "gi");
const HIDDEN_ELEMENTS = ["head", "style", "script", "title", "xml", "template"];

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ",
  aelig: "æ", AElig: "Æ", oslash: "ø", Oslash: "Ø", aring: "å", Aring: "Å",
  auml: "ä", Auml: "Ä", ouml: "ö", Ouml: "Ö", uuml: "ü", Uuml: "Ü", eacute: "é", Eacute: "É",
  egrave: "è", aacute: "á", oacute: "ó", iacute: "í", ccedil: "ç", szlig: "ß",
  ndash: "–", mdash: "—", hellip: "…", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”",
  laquo: "«", raquo: "»", bull: "•", middot: "·", copy: "©", reg: "®", trade: "™", euro: "€",
  shy: "", zwnj: "", zwj: "",
};

/** Decodes character references in one pass, so "&amp;lt;" stays the text "&lt;". */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,31});/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref] ?? NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/**
 * Drops comments and elements that never render. Done with indexOf rather than a lazy regex, which would
 * rescan to the end for every unclosed "<!--" or "<style". Unclosed ones hide the rest, as in a browser.
 */
function stripHidden(html: string): string {
  const openers = new RegExp(`<!--|<(${HIDDEN_ELEMENTS.join("|")})\\b`, "gi");
  let out = "";
  let at = 0;
  let m: RegExpExecArray | null;
  while ((m = openers.exec(html))) {
    out += html.slice(at, m.index);
    const closer = m[1] ? new RegExp(`</${m[1]}[^<>]*>`, "gi") : /-->/g;
    closer.lastIndex = m.index + m[0].length;
    const end = closer.exec(html);
    if (!end) return out;
    at = end.index + end[0].length;
    openers.lastIndex = at;
  }
  return out + html.slice(at);
}

/** Marks a block boundary: it starts a new line unless one was just started (how browsers render it). */
const BLOCK_BREAK = "\u0001";

export function htmlToText(html: string): string {
  return visibleToText(visibleHtml(html));
}

/** The HTML a reader sees: without comments, never-rendered elements and elements `hidden` picks (isInvisible). */
function visibleHtml(html: string, hidden: DropTest = isInvisible): string {
  return dropElements(stripHidden(html.slice(0, MAX_HTML_CHARS).replace(/\u0001/g, "")), hidden);
}

/**
 * Styles that never show their element's text, whatever the reader's colours: a preheader, or text someone hid
 * so that it is read by machines and not by people. (Not `aria-hidden`: screen readers skip it, eyes do not.)
 */
const INVISIBLE_STYLE =
  /(?:^|[;"'\s])(?:display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?:\.0+)?(?![.\d])|font-size\s*:\s*0(?:\.0+)?(?:px|pt|em|rem|%)?(?![.\d])|max-height\s*:\s*0(?:px)?(?![.\d])|mso-hide\s*:\s*all)/i;
const HIDDEN_ATTRIBUTE = /(?:^|\s)hidden(?=[\s=/]|$)/i;

/** Whether to drop an element, from its lower-cased name, its attributes, and how deep it sits in <small>/<sub>/<sup>. */
type DropTest = (name: string, attributes: string, shrinkDepth: number) => boolean;

/** What capture leaves out: styles that hide text whatever the design (a dark design may use white text). */
function isInvisible(_name: string, attributes: string): boolean {
  if (!attributes) return false;
  // The attribute `hidden`, not the word inside a value (title="a hidden gem").
  return HIDDEN_ATTRIBUTE.test(attributes.replace(/"[^"]*"|'[^']*'/g, '""')) || INVISIBLE_STYLE.test(attributes);
}

const VOID_ELEMENTS = new Set(["br", "img", "hr", "input", "meta", "link", "wbr", "col", "area", "base", "source", "track", "embed", "param"]);
/** Every tag, opening or closing, up to the next ">" or "<" (linear, as TAG below). */
const ANY_TAG = /<(\/?)([a-z][a-z0-9]*)\b([^<>]*)>?/gi;

/**
 * The HTML without the elements `drop` picks by their attributes, each with everything inside it (nested
 * elements of the same name counted, so the right closing tag ends it). One pass over the tags; an element
 * never closed hides the rest, as it would in a browser.
 */
function dropElements(html: string, drop: DropTest): string {
  let out = "";
  let at = 0;
  let shrinkDepth = 0;
  ANY_TAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ANY_TAG.exec(html))) {
    const [, closing, rawName, attributes] = m;
    const name = rawName.toLowerCase();
    const shrinks = SHRINKING_ELEMENTS.has(name);
    if (closing) {
      if (shrinks && shrinkDepth > 0) shrinkDepth--;
      continue;
    }
    if (!drop(name, attributes, shrinkDepth)) {
      if (shrinks) shrinkDepth++;
      continue;
    }
    out += html.slice(at, m.index);
    if (VOID_ELEMENTS.has(name) || attributes.trimEnd().endsWith("/")) {
      at = m.index + m[0].length;
      continue;
    }
    let depth = 1;
    while (depth > 0 && (m = ANY_TAG.exec(html))) {
      if (m[2].toLowerCase() !== name) continue;
      depth += m[1] ? -1 : 1;
    }
    if (depth > 0) return out;
    at = m!.index + m![0].length;
  }
  return out + html.slice(at);
}

/**
 * Where each mail client starts what it quotes or forwards, read from one tag's attributes. An HTML reply
 * carries no "> " markers, and its attribution may be in any language, so these tags are the only reliable
 * boundary. Outlook's header block sits after its marker, not inside it: everything from the first marker on
 * counts as quoted.
 */
const QUOTE_ATTRIBUTES = [
  /\bgmail_quote/i, // Gmail: <div class="gmail_quote">, its <blockquote class="gmail_quote">
  /\bmoz-cite-prefix/i, // Thunderbird: the attribution <div class="moz-cite-prefix"> above the quote
  /yahoo_quoted/i, // Yahoo: <div id="ydp…yahoo_quoted_…" class="ydp…yahoo_quoted">, prefixed without a word break
  /\bdivRplyFwdMsg/i, // Outlook (web, new, Mac): <div id="divRplyFwdMsg"> holds the header block
  /\bappendonsend/i, // new Outlook: the empty <div id="appendonsend"> before its rule and header block
  /\bprotonmail_quote/i,
  /\btype\s*=\s*["']?cite\b/i, // Apple Mail: <blockquote type="cite">
  /\bborder-top\s*:\s*solid\b/i, // Outlook desktop: <div style="border:none;border-top:solid #E1E1E1 1.0pt;…">
];
/** One tag at a time: the name, then its attributes up to the next ">" or "<", so the scan stays linear. */
const TAG = /<([a-z][a-z0-9]*)\b([^<>]*)/gi;

/** Index of the first tag that starts quoted or forwarded text, or -1. */
function quoteStart(visible: string): number {
  TAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TAG.exec(visible))) {
    if (m[1].toLowerCase() === "blockquote" || QUOTE_ATTRIBUTES.some((r) => r.test(m![2]))) return m.index;
  }
  return -1;
}

/**
 * The text of an HTML-only mail above its first quote marker: what the person wrote now. The commands path
 * reads it, so nothing inside or below a quote (the digest quoted back, a mail the owner answers) can act,
 * whatever language its attribution is in. Outlook's rule above its header block goes with the quote.
 */
export function htmlOwnText(html: string): string {
  // What the owner's commands are read from: only text in elements whose styling surely shows it (html-readable.ts).
  // In case of doubt (white text, a class a <style> rule may hide, a style we do not know), it is not the owner's to act on.
  const sheet = styleSheetFacts(html.slice(0, MAX_HTML_CHARS));
  const visible = visibleHtml(html, (name, attributes, shrinkDepth) => mayHideElement(name, attributes, sheet, shrinkDepth));
  const start = quoteStart(visible);
  const own = visibleToText(start < 0 ? visible : visible.slice(0, start)).split("\n");
  while (own.length && (own[own.length - 1] === "" || own[own.length - 1] === OUTLOOK_RULE)) own.pop();
  return own.join("\n");
}

function visibleToText(visible: string): string {
  const marked = visible
    .replace(/\s+/g, " ")
    .replace(/<br\b[^<>]*>/gi, "\n")
    .replace(/<hr\b[^<>]*>/gi, `${BLOCK_BREAK}${OUTLOOK_RULE}${BLOCK_BREAK}`)
    .replace(BLOCK_TAG, BLOCK_BREAK)
    .replace(/<\/t[dh]\s*>/gi, " ")
    .replace(/<[^<>]*>/g, "")
    .replace(/[ \t]*([\n\u0001])[ \t]*/g, "$1");
  let text = "";
  for (const piece of marked.split(BLOCK_BREAK)) {
    if (text && !text.endsWith("\n")) text += "\n";
    text += piece;
  }
  return decodeEntities(text)
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
