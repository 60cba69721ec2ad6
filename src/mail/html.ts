// Plain text from HTML-only mail (and HTML-only forwards), shaped so the forwarded header block survives: one header per
// line, no blank lines inside the block, and Outlook's <hr> kept as the underscore line its own plain
// text uses. Source line breaks in HTML are just whitespace (HTML Living Standard, "inter-element
// whitespace"), so they must not become line breaks: Outlook folds long header lines in its HTML source.
import { decodeEntities } from "./entities";

/** HTML we read; the forwarded block sits near the top, and the regexes below are linear but not free. */
export const MAX_HTML_CHARS = 256 * 1024;

/** The line Outlook (web, new, Live) prints in plain text where its HTML has the <hr> above a forward. */
export const OUTLOOK_RULE = "_".repeat(32);

const BLOCK_TAGS =
  "p|div|tr|table|tbody|thead|li|ul|ol|h[1-6]|blockquote|section|article|header|footer|pre|address|center";
// Tag patterns stop at the next "<" as well as at ">", so a run of unclosed "<" costs linear time.
const BLOCK_TAG = new RegExp(`<\\/?(?:${BLOCK_TAGS})\\b[^<>]*>`, "gi");
/** Elements that never render, dropped with all they hold before anything is read (capture and commands alike). */
const NEVER_RENDERED_ELEMENTS = ["head", "style", "script", "title", "xml", "template"];

/**
 * Drops comments and elements that never render. Done with indexOf rather than a lazy regex, which would
 * rescan to the end for every unclosed "<!--" or "<style". Unclosed ones hide the rest, as in a browser.
 */
function stripHidden(html: string): string {
  const openers = new RegExp(`<!--|<(${NEVER_RENDERED_ELEMENTS.join("|")})\\b`, "gi");
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

/** The HTML a reader sees: without comments, never-rendered elements and the elements `hidden` drops (capture: isInvisible). */
export function visibleHtml(html: string, hidden: DropPolicy = CAPTURE_DROP): string {
  return dropElements(stripHidden(html.slice(0, MAX_HTML_CHARS).replace(/\u0001/g, "")), hidden);
}

/**
 * Styles that never show their element's text, whatever the reader's colours: a preheader, or text someone hid
 * so that it is read by machines and not by people. (Not `aria-hidden`: screen readers skip it, eyes do not.)
 */
const INVISIBLE_STYLE =
  /(?:^|[;"'\s])(?:display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?:\.0+)?(?![.\d])|font-size\s*:\s*0(?:\.0+)?(?:px|pt|em|rem|%)?(?![.\d])|max-height\s*:\s*0(?:px)?(?![.\d])|mso-hide\s*:\s*all)/i;
const HIDDEN_ATTRIBUTE = /(?:^|\s)hidden(?=[\s=/]|$)/i;

/**
 * Which elements to drop: `drop` judges one from its lower-cased name, its attributes, and how many `shrinking`
 * elements (each setting a smaller font) it sits in.
 */
export interface DropPolicy {
  drop: (name: string, attributes: string, shrinkDepth: number) => boolean;
  shrinking: ReadonlySet<string>;
}

/** What capture leaves out: styles that hide text whatever the design (a dark design may use white text). */
function isInvisible(_name: string, attributes: string): boolean {
  if (!attributes) return false;
  // The attribute `hidden`, not the word inside a value (title="a hidden gem").
  return HIDDEN_ATTRIBUTE.test(attributes.replace(/"[^"]*"|'[^']*'/g, '""')) || INVISIBLE_STYLE.test(attributes);
}

const CAPTURE_DROP: DropPolicy = { drop: isInvisible, shrinking: new Set() };

const VOID_ELEMENTS = new Set(["br", "img", "hr", "input", "meta", "link", "wbr", "col", "area", "base", "source", "track", "embed", "param"]);
/** Every tag, opening or closing, up to the next ">" or "<" (linear, as TAG below). */
const ANY_TAG = /<(\/?)([a-z][a-z0-9]*)\b([^<>]*)>?/gi;

/**
 * The HTML without the elements `drop` picks by their attributes, each with everything inside it (nested
 * elements of the same name counted, so the right closing tag ends it). One pass over the tags; an element
 * never closed hides the rest, as it would in a browser.
 */
function dropElements(html: string, { drop, shrinking }: DropPolicy): string {
  let out = "";
  let at = 0;
  let shrinkDepth = 0;
  ANY_TAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ANY_TAG.exec(html))) {
    const [, closing, rawName, attributes] = m;
    const name = rawName.toLowerCase();
    const shrinks = shrinking.has(name);
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

/** Plain text of visible HTML: block elements and <br> become line breaks, entities are decoded. */
export function visibleToText(visible: string): string {
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
