// Which elements of an HTML mail the owner surely saw, for the commands path. Fail safe: a command must be text the
// owner could read, so styling is judged by what it allows, not by a list of known hiding tricks. A declaration
// counts as readable only when its property is one that cannot take text out of sight (a font family, a margin
// within bounds, a dark colour on a light page) and its value is one we understand; anything else (an unknown
// property, a value we cannot parse, CSS escapes) counts as possibly hiding. A <style> block is read the same
// way: every class, id or element its unreadable rules could reach counts as possibly hiding. Pure.
import { decodeEntities } from "./entities";

/** Smallest font size that still reads as text: about 5 pt, below any client's "small" (10–13 px). */
export const MIN_FONT_PX = 7;
/**
 * Lightest text colour still read: WCAG 2.x contrast of 4.5:1 against a white page (SC 1.4.3). Outlook's
 * #1F497D and #7F7F7F-ish greys of 4.5 and over, Gmail's rgb(34,34,34) and link blues pass; #999 and white do not.
 */
export const MIN_TEXT_CONTRAST = 4.5;
/** Darkest background under text still read: relative luminance 0.6 (about #cbcbcb), as highlighter yellow passes. */
export const MIN_BACKGROUND_LUMINANCE = 0.6;
/**
 * Margins, indents and offsets move text about; beyond these they move it out of the reading area. A line height
 * beyond it pushes it there too (`line-height:5000px` puts a line a screen below its box).
 */
export const MAX_OFFSET_PX = 160;
/**
 * How far a first line's indent (Outlook's list bullets) or a vertical-align may go negative. Margins may not: a
 * later float or inline-block pulled back paints its background over text before it.
 */
export const MAX_NEGATIVE_OFFSET_PX = 48;
/** A box taller than about a screen may hold its text below it (a table cell centres what it holds). */
export const MAX_BOX_PX = 600;
/** Letters or words spread wider than an em no longer read as a word. */
export const MAX_SPACING_PX = 16;
/** An underline thicker or further off than this is a bar that may cover the line above or below. */
export const MAX_DECORATION_PX = 4;
/**
 * Below half alpha a text colour fades out of reading. Element opacity must be 1: it compounds down nested
 * elements (.6 three deep is .2), which each element judged alone cannot see.
 */
export const MIN_TEXT_ALPHA = 0.5;
/** A box this low, or an element nested this deep in elements that each make text smaller, may hide text. */
export const MIN_BOX_PX = 6;
export const MAX_SHRINK_DEPTH = 2;

/**
 * Elements whose content a reader never sees as text of the mail, whatever their styling, besides those that never
 * render at all (NEVER_RENDERED_ELEMENTS in html.ts, dropped before any element is judged).
 */
export const NEVER_SEEN_ELEMENTS = new Set([
  "noscript", "svg", "math", "object", "embed", "iframe", "frameset", "canvas", "audio", "video",
  "select", "datalist", "option", "textarea", "map", "details", "dialog",
]);
/**
 * Each makes its text smaller than its parent's (`font-size: smaller`; h5 0.83em and h6 0.67em in the HTML Living
 * Standard's rendering section, §15.3.6), so nesting them shrinks text away.
 */
export const SHRINKING_ELEMENTS = new Set(["small", "sub", "sup", "h5", "h6"]);

/** What a mail's <style> blocks (and stylesheets it loads) say may be hidden. */
export interface StyleSheetFacts {
  /** A rule we could not pin to a class, id or element, or an external stylesheet: nothing is surely seen. */
  everything: boolean;
  classes: Set<string>;
  ids: Set<string>;
  tags: Set<string>;
  /** Font families the mail brings itself (@font-face with a src): their glyphs may be blank. */
  fonts: Set<string>;
}

/** Facts of a mail without style rules: nothing hidden yet. `fonts` may be shared with another pass. */
const emptySheet = (fonts = new Set<string>()): StyleSheetFacts => ({ everything: false, classes: new Set(), ids: new Set(), tags: new Set(), fonts });

/** Splits on `separator` outside quotes, parentheses and brackets. */
function splitTop(text: string, separator: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "(" || ch === "[") depth++;
    else if ((ch === ")" || ch === "]") && depth > 0) depth--;
    else if (ch === separator && depth === 0) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  out.push(text.slice(from));
  return out;
}

/** CSS comments separate tokens (CSS Syntax §4.3.2): `display:/**\/none` is `display: none`. */
const stripComments = (css: string) => css.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, " ");

/** `prop: value` pairs of a declaration block, or null when it holds what we do not read (escapes, nested rules). */
export function declarations(css: string): Array<[string, string]> | null {
  const text = stripComments(css);
  if (/[\\{}]/.test(text)) return null;
  const out: Array<[string, string]> = [];
  for (const part of splitTop(text, ";")) {
    if (!part.trim()) continue;
    const colon = part.indexOf(":");
    if (colon < 0) return null;
    const prop = part.slice(0, colon).trim().toLowerCase();
    const value = part.slice(colon + 1).replace(/!\s*important\s*$/i, "").trim().toLowerCase();
    out.push([prop, value]);
  }
  return out;
}

interface Rgba { r: number; g: number; b: number; a: number }

const NAMED_COLORS: Record<string, string> = {
  black: "000000", white: "ffffff", red: "ff0000", green: "008000", blue: "0000ff", navy: "000080", maroon: "800000",
  purple: "800080", teal: "008080", olive: "808000", gray: "808080", grey: "808080", silver: "c0c0c0", yellow: "ffff00",
  lime: "00ff00", aqua: "00ffff", cyan: "00ffff", fuchsia: "ff00ff", magenta: "ff00ff", orange: "ffa500",
  darkblue: "00008b", darkred: "8b0000", darkgreen: "006400", darkgray: "a9a9a9", darkgrey: "a9a9a9", dimgray: "696969",
  dimgrey: "696969", lightgray: "d3d3d3", lightgrey: "d3d3d3", whitesmoke: "f5f5f5", gainsboro: "dcdcdc",
  lightyellow: "ffffe0", ivory: "fffff0", snow: "fffafa", ghostwhite: "f8f8ff", aliceblue: "f0f8ff", azure: "f0ffff",
  beige: "f5f5dc", linen: "faf0e6", honeydew: "f0fff0", mintcream: "f5fffa", lavender: "e6e6fa", lightcyan: "e0ffff",
  midnightblue: "191970", darkslategray: "2f4f4f", darkslategrey: "2f4f4f", slategray: "708090", slategrey: "708090",
  royalblue: "4169e1", steelblue: "4682b4", darkviolet: "9400d3", indigo: "4b0082", brown: "a52a2a", crimson: "dc143c",
  firebrick: "b22222", saddlebrown: "8b4513", chocolate: "d2691e", darkorange: "ff8c00", darkcyan: "008b8b",
  darkmagenta: "8b008b", darkolivegreen: "556b2f", forestgreen: "228b22", seagreen: "2e8b57", dodgerblue: "1e90ff",
  mediumblue: "0000cd", transparent: "00000000",
};
/** System and inherited colours: the client's own text colour (black on a white page), or the parent's, judged there. */
const DEFAULT_TEXT_COLORS = new Set(["windowtext", "canvastext", "buttontext", "currentcolor", "inherit", "initial", "unset", "revert", "auto", "-moz-default-color"]);
const DEFAULT_BACKGROUNDS = new Set(["window", "canvas", "transparent", "none", "inherit", "initial", "unset", "revert"]);

function hexColor(hex: string): Rgba | null {
  if (!/^[0-9a-f]+$/.test(hex)) return null;
  const full = hex.length === 3 || hex.length === 4 ? [...hex].map((c) => c + c).join("") : hex;
  if (full.length !== 6 && full.length !== 8) return null;
  const n = (i: number) => parseInt(full.slice(i, i + 2), 16);
  return { r: n(0), g: n(2), b: n(4), a: full.length === 8 ? n(6) / 255 : 1 };
}

function channel(token: string, max: number): number | null {
  const m = token.match(/^(-?(?:\d+\.?\d*|\.\d+))(%?)$/);
  if (!m) return null;
  const v = Number(m[1]);
  return Math.min(max, Math.max(0, m[2] ? (v / 100) * max : v));
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return [f(0) * 255, f(8) * 255, f(4) * 255];
}

/** A CSS colour (hex, rgb[a](), hsl[a]() in either syntax, or a common name), or null when we do not know it. */
export function parseColor(value: string): Rgba | null {
  const v = value.trim().toLowerCase();
  if (v.startsWith("#")) return hexColor(v.slice(1));
  if (NAMED_COLORS[v]) return hexColor(NAMED_COLORS[v]);
  const fn = v.match(/^(rgba?|hsla?)\(([^()]*)\)$/);
  if (!fn) return null;
  const [main, alphaPart] = fn[2].split("/");
  const parts = main.split(/[\s,]+/).filter(Boolean);
  const alphaToken = alphaPart?.trim() ?? (parts.length === 4 ? parts[3] : "1");
  const alpha = channel(alphaToken, 1);
  if (parts.length < 3 || alpha === null) return null;
  if (fn[1].startsWith("rgb")) {
    const [r, g, b] = parts.slice(0, 3).map((p) => channel(p, 255));
    return r === null || g === null || b === null ? null : { r, g, b, a: alpha };
  }
  const h = Number(parts[0].replace(/deg$/, ""));
  const s = channel(parts[1], 1);
  const l = channel(parts[2], 1);
  if (!Number.isFinite(h) || s === null || l === null) return null;
  const [r, g, b] = hslToRgb(((h % 360) + 360) % 360, s, l);
  return { r, g, b, a: alpha };
}

/** WCAG 2.x relative luminance. */
function luminance({ r, g, b }: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function isReadableTextColor(value: string): boolean {
  if (DEFAULT_TEXT_COLORS.has(value)) return true;
  const c = parseColor(value);
  return !!c && c.a >= MIN_TEXT_ALPHA && 1.05 / (luminance(c) + 0.05) >= MIN_TEXT_CONTRAST;
}

function isLightBackground(value: string): boolean {
  if (DEFAULT_BACKGROUNDS.has(value)) return true;
  const c = parseColor(value);
  return !!c && (c.a === 0 || luminance(c) >= MIN_BACKGROUND_LUMINANCE);
}

const BACKGROUND_KEYWORDS = /^(?:none|repeat|no-repeat|repeat-x|repeat-y|scroll|fixed|local|top|bottom|left|right|center|0|0%|auto|padding-box|border-box|content-box)$/;

/** The `background` shorthand: a light colour at most, no image (an image may be the text's own colour). */
function isLightBackgroundShorthand(value: string): boolean {
  if (/url\(|gradient\(|image\(|element\(/.test(value)) return false;
  return splitTop(value, " ").filter(Boolean).every((t) => BACKGROUND_KEYWORDS.test(t) || isLightBackground(t));
}

/** Pixels per unit; rem at the usual 16 px root, ex and ch at about half of it. */
const PX_PER: Record<string, number> = { px: 1, pt: 4 / 3, pc: 16, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, q: 96 / 101.6, rem: 16, ex: 8, ch: 8 };

/** A length in px (em and rem at 16 px, for offsets), or null when it is not one we can size. */
function lengthPx(token: string, emPx = 16): number | null {
  const m = token.match(/^(-?(?:\d+\.?\d*|\.\d+))([a-z]*)$/);
  if (!m) return null;
  const n = Number(m[1]);
  if (m[2] === "") return n === 0 ? 0 : null;
  if (m[2] === "em") return n * emPx;
  return m[2] in PX_PER ? n * PX_PER[m[2]] : null;
}

const FONT_SIZE_KEYWORDS = new Set(["xx-small", "x-small", "small", "medium", "large", "x-large", "xx-large", "xxx-large", "larger", "inherit", "initial", "unset", "revert"]);

/**
 * A font size that shows text. Relative sizes below 1 (0.5em, 80%, `smaller`) compound when nested, so only absolute
 * sizes may shrink: em and % at 1 or more.
 */
function isReadableFontSize(value: string): boolean {
  if (FONT_SIZE_KEYWORDS.has(value)) return true;
  const pct = value.match(/^(\d+\.?\d*|\.\d+)%$/);
  if (pct) return Number(pct[1]) >= 100;
  const em = value.match(/^(\d+\.?\d*|\.\d+)em$/);
  if (em) return Number(em[1]) >= 1;
  const px = lengthPx(value);
  return px !== null && px >= MIN_FONT_PX;
}

/**
 * An offset (a margin, padding, indent, vertical-align) of auto, a percentage within bounds, or a length within
 * bounds. Negative only where `negativePx` allows.
 */
function isBoundedOffset(value: string, negativePx = 0): boolean {
  return splitTop(value, " ").filter(Boolean).every((t) => {
    if (t === "auto" || t === "inherit" || t === "initial" || t === "unset") return true;
    const pct = t.match(/^(-?(?:\d+\.?\d*|\.\d+))%$/);
    if (pct) return Number(pct[1]) >= (negativePx ? -5 : 0) && Number(pct[1]) <= 50;
    const px = lengthPx(t);
    return px !== null && px >= -negativePx && px <= MAX_OFFSET_PX;
  });
}

/** A `max-height` that leaves room for a line: none, a percentage, or at least MIN_BOX_PX. */
function isRoomyBox(value: string): boolean {
  if (/^(?:auto|none|inherit|initial|unset|max-content|min-content|fit-content)$/.test(value)) return true;
  if (/^(\d+\.?\d*|\.\d+)%$/.test(value)) return true;
  const px = lengthPx(value);
  return px !== null && px >= MIN_BOX_PX;
}

/** A `height` or `min-height` that leaves room for a line and pushes nothing out of reach: at most MAX_BOX_PX, or 100%. */
function isBoundedBox(value: string): boolean {
  if (/^(?:auto|inherit|initial|unset|max-content|min-content|fit-content)$/.test(value)) return true;
  const pct = value.match(/^(\d+\.?\d*|\.\d+)%$/);
  if (pct) return Number(pct[1]) <= 100;
  const px = lengthPx(value);
  return px !== null && px >= MIN_BOX_PX && px <= MAX_BOX_PX;
}

/** A line height from half a line up to MAX_OFFSET_PX (or as many 16 px lines as fit in it). */
function isReadableLineHeight(value: string): boolean {
  if (value === "normal" || value === "inherit" || value === "initial") return true;
  const most = MAX_OFFSET_PX / 16;
  if (/^(\d+\.?\d*|\.\d+)$/.test(value)) return Number(value) >= 0.5 && Number(value) <= most;
  const pct = value.match(/^(\d+\.?\d*|\.\d+)%$/);
  if (pct) return Number(pct[1]) >= 50 && Number(pct[1]) <= most * 100;
  const px = lengthPx(value);
  return px !== null && px >= MIN_BOX_PX && px <= MAX_OFFSET_PX;
}

function isReadableSpacing(value: string): boolean {
  if (value === "normal" || value === "inherit" || value === "initial") return true;
  const px = lengthPx(value);
  return px !== null && px >= -1 && px <= MAX_SPACING_PX;
}

/** An underline's thickness or offset: a keyword (auto, from-font) or a length up to MAX_DECORATION_PX. */
function isThinDecoration(token: string): boolean {
  if (!/^[-+.\d]/.test(token)) return true;
  const pct = token.match(/^(\d+\.?\d*|\.\d+)%$/);
  if (pct) return Number(pct[1]) <= (MAX_DECORATION_PX / 16) * 100;
  const px = lengthPx(token);
  return px !== null && px >= 0 && px <= MAX_DECORATION_PX;
}

function familyNames(value: string): string[] {
  return splitTop(value, ",").map((f) => f.trim().replace(/^["']|["']$/g, "").trim().toLowerCase());
}

/** The `font` shorthand: its size (before an optional `/line-height`) and its families. */
function isReadableFontShorthand(value: string, sheet: StyleSheetFacts): boolean {
  const tokens = splitTop(value, " ").filter(Boolean);
  const sizeAt = tokens.findIndex((t) => /^[-\d.]/.test(t) && !/^\d{3}$/.test(t));
  if (sizeAt >= 0) {
    const [size, lineHeight] = tokens[sizeAt].split("/");
    if (!isReadableFontSize(size) || (lineHeight !== undefined && !isReadableLineHeight(lineHeight))) return false;
  }
  return !familyNames(tokens.slice(Math.max(sizeAt + 1, 0)).join(" ")).some((f) => sheet.fonts.has(f));
}

const ANY_VALUE = () => true;
const oneOf = (...values: string[]) => (v: string) => values.includes(v);
const GLOBAL = ["inherit", "initial", "unset", "revert"];

/** Properties that cannot take text out of sight, each with the values it may have. Anything else may hide. */
const READABLE: Record<string, (value: string, sheet: StyleSheetFacts) => boolean> = {
  color: isReadableTextColor,
  "-webkit-text-fill-color": isReadableTextColor,
  "background-color": isLightBackground,
  background: isLightBackgroundShorthand,
  "background-image": oneOf("none", ...GLOBAL),
  "font-size": isReadableFontSize,
  font: isReadableFontShorthand,
  "font-family": (v, sheet) => !familyNames(v).some((f) => sheet.fonts.has(f)),
  "line-height": isReadableLineHeight,
  "letter-spacing": isReadableSpacing,
  "word-spacing": isReadableSpacing,
  "text-indent": (v) => isBoundedOffset(v, MAX_NEGATIVE_OFFSET_PX),
  // Not table-column or table-column-group: browsers never render what those hold.
  display: oneOf("block", "inline", "inline-block", "list-item", "table", "inline-table", "table-row", "table-cell", "table-row-group",
    "table-header-group", "table-footer-group", "table-caption", "flex", "inline-flex", "grid", "inline-grid", "flow-root", "contents",
    ...GLOBAL),
  visibility: oneOf("visible", ...GLOBAL),
  opacity: (v) => /^(?:1(?:\.0*)?|100(?:\.0*)?%)$/.test(v) || GLOBAL.includes(v),
  // Static only: a relative box may be moved over earlier text and paint over it with its background.
  position: oneOf("static", ...GLOBAL),
  top: (v) => isBoundedOffset(v, MAX_NEGATIVE_OFFSET_PX),
  left: (v) => isBoundedOffset(v, MAX_NEGATIVE_OFFSET_PX),
  right: (v) => isBoundedOffset(v, MAX_NEGATIVE_OFFSET_PX),
  bottom: (v) => isBoundedOffset(v, MAX_NEGATIVE_OFFSET_PX),
  // Visible only: any other value clips to the box, and a box's size may come from an ancestor (width:0).
  overflow: oneOf("visible", ...GLOBAL),
  "overflow-x": oneOf("visible", ...GLOBAL),
  "overflow-y": oneOf("visible", ...GLOBAL),
  height: isBoundedBox,
  "max-height": isRoomyBox,
  "min-height": isBoundedBox,
  width: ANY_VALUE,
  "min-width": ANY_VALUE,
  "max-width": ANY_VALUE,
  "unicode-bidi": oneOf("normal", "embed", "isolate", "plaintext", ...GLOBAL),
  "-webkit-text-stroke-width": (v) => v === "0" || lengthPx(v) === 0,
  "mso-hide": oneOf("none"),
  "vertical-align": (v) =>
    /^(?:baseline|sub|super|text-top|text-bottom|middle|top|bottom|inherit|initial)$/.test(v) || isBoundedOffset(v, MAX_NEGATIVE_OFFSET_PX),
  // Shadows and outlines paint outside their box, over other text (a white shadow with a wide spread covers anything).
  "box-shadow": oneOf("none", ...GLOBAL),
  "text-shadow": oneOf("none", ...GLOBAL),
  outline: oneOf("none", "0", ...GLOBAL),
  "outline-style": oneOf("none", ...GLOBAL),
  "outline-width": (v) => v === "0" || lengthPx(v) === 0 || GLOBAL.includes(v),
  "outline-color": ANY_VALUE,
  "outline-offset": (v) => isBoundedOffset(v) && !v.includes("%"),
  "text-decoration": (v) => splitTop(v, " ").filter(Boolean).every(isThinDecoration),
  "text-decoration-thickness": isThinDecoration,
  "text-underline-offset": isThinDecoration,
};
for (const p of ["margin", "margin-top", "margin-right", "margin-bottom", "margin-left", "padding", "padding-top", "padding-right", "padding-bottom", "padding-left"]) {
  READABLE[p] = (v) => isBoundedOffset(v);
}
for (const p of [
  "font-weight", "font-style", "font-variant", "font-variant-caps", "font-variant-ligatures", "font-variant-numeric",
  "font-variant-east-asian", "font-variant-position", "font-stretch", "font-kerning", "font-synthesis", "font-feature-settings",
  "text-decoration-line", "text-decoration-style", "text-decoration-color", "text-underline-position", "text-align", "text-align-last", "text-justify", "text-transform",
  "text-rendering", "text-overflow", "text-size-adjust", "-webkit-text-size-adjust", "-ms-text-size-adjust",
  "-webkit-font-smoothing", "-moz-osx-font-smoothing", "-webkit-nbsp-mode", "-webkit-line-break", "-webkit-text-stroke-color",
  "white-space", "word-wrap", "overflow-wrap", "word-break", "line-break", "hyphens", "tab-size", "direction", "writing-mode",
  "text-orientation", "orphans", "widows", "page", "page-break-before", "page-break-after", "page-break-inside", "break-before",
  "break-after", "break-inside", "list-style", "list-style-type", "list-style-position", "list-style-image", "border-collapse",
  "border-spacing", "table-layout", "empty-cells", "caption-side", "cursor", "float", "clear", "box-sizing", "quotes",
  "caret-color", "color-scheme", "supported-color-schemes", "background-repeat", "background-position",
  "background-size", "background-clip", "background-origin", "background-attachment",
]) {
  READABLE[p] = ANY_VALUE;
}

function isReadableDeclaration(prop: string, value: string, sheet: StyleSheetFacts): boolean {
  // Borders draw around their own box, under text (an image set outside the box is the exception).
  if (/^border-image(?:-|$)/.test(prop)) return value === "none";
  if (/^border(?:-|$)/.test(prop)) return true;
  // Outlook's own properties only tell Word how to lay out; mso-hide is the one that hides (in Outlook).
  if (prop.startsWith("mso-") && prop !== "mso-hide") return true;
  const check = READABLE[prop];
  return !!check && check(value, sheet);
}

/** Whether a declaration block (a style attribute, a rule's body) only styles text in ways that keep it in sight. */
export function isReadableStyle(css: string, sheet: StyleSheetFacts = emptySheet()): boolean {
  const list = declarations(css);
  return list !== null && list.every(([p, v]) => isReadableDeclaration(p, v, sheet));
}

/**
 * Properties that can paint outside their own box, over other elements' text (a box moved back over earlier lines, a
 * white shadow, outline or underline), with their vendor-prefixed forms. Hiding the element that has one is not
 * enough: the text it covers belongs to another. So any of them with a value READABLE does not accept leaves nothing
 * of the mail surely seen, unless the block sends its box far out of the reading area (`left:-9999px`, the old way to
 * hide a line), which takes away its own text only.
 */
const PAINTS_OUTSIDE_ITS_BOX =
  /^(?:position|top|right|bottom|left|inset(?:-[a-z-]+)?|margin(?:-[a-z-]+)?|box-shadow|text-shadow|outline(?:-[a-z-]+)?|border-image(?:-[a-z-]+)?|text-decoration(?:-[a-z-]+)?|text-underline-offset|text-stroke(?:-[a-z-]+)?)$/;
const MOVES_THE_BOX = /^(?:top|right|bottom|left|inset(?:-[a-z-]+)?|margin(?:-[a-z-]+)?)$/;

/** Whether a declaration block may paint over text outside the element it styles. */
export function mayPaintOverOthers(css: string, sheet: StyleSheetFacts = emptySheet()): boolean {
  const list = declarations(css);
  if (list === null) return false;
  const farAway = list.some(
    ([p, v]) => MOVES_THE_BOX.test(p) && splitTop(v, " ").some((t) => (lengthPx(t) ?? 0) < -MAX_OFFSET_PX),
  );
  return (
    !farAway &&
    list.some(([p, v]) => PAINTS_OUTSIDE_ITS_BOX.test(p.replace(/^-(?:webkit|moz|ms|o)-/, "")) && !isReadableDeclaration(p, v, sheet))
  );
}

/** Attributes of one tag: lower-cased names, entity-decoded values (`display:&#110;one` is `display:none`). */
export function parseAttributes(raw: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of raw.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    const name = m[1].toLowerCase();
    const value = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
    out.set(name, [...(out.get(name) ?? []), value]);
  }
  return out;
}

/** A legacy colour attribute (`<font color>`, `<body text>`): hex with or without "#", or a name we know. */
function legacyColor(value: string): string {
  const v = value.trim().toLowerCase();
  return /^[0-9a-f]{3}$|^[0-9a-f]{6}$/.test(v) ? `#${v}` : v;
}

const LEGACY_TEXT_COLOR_ATTRIBUTES = ["color", "text", "link", "vlink", "alink"];

/** Whether an element's inline style may paint over other elements' text (mayPaintOverOthers). */
export function elementMayPaintOverOthers(rawAttributes: string, sheet: StyleSheetFacts): boolean {
  if (!/style/i.test(rawAttributes)) return false;
  return (parseAttributes(rawAttributes).get("style") ?? []).some((style) => mayPaintOverOthers(style, sheet));
}

/**
 * Whether an element may keep its text from the reader: a never-rendered element, the `hidden` attribute, styling
 * that is not plainly readable (inline, legacy attributes, or a <style> rule that may reach it), or text
 * shrunk by nesting beyond MAX_SHRINK_DEPTH.
 */
export function mayHideElement(name: string, rawAttributes: string, sheet: StyleSheetFacts, shrinkDepth: number): boolean {
  if (sheet.everything || NEVER_SEEN_ELEMENTS.has(name) || sheet.tags.has(name)) return true;
  if (SHRINKING_ELEMENTS.has(name) && shrinkDepth >= MAX_SHRINK_DEPTH) return true;
  if (!rawAttributes.trim()) return false;
  const attributes = parseAttributes(rawAttributes);
  if (attributes.has("hidden") || attributes.has("background")) return true;
  for (const style of attributes.get("style") ?? []) if (!isReadableStyle(style, sheet)) return true;
  for (const attr of LEGACY_TEXT_COLOR_ATTRIBUTES) {
    for (const value of attributes.get(attr) ?? []) if (!isReadableTextColor(legacyColor(value))) return true;
  }
  for (const value of attributes.get("bgcolor") ?? []) if (!isLightBackground(legacyColor(value))) return true;
  // Class and id selectors match case-insensitively in quirks mode, which mail without a doctype is in.
  for (const value of attributes.get("class") ?? []) {
    if (value.toLowerCase().split(/\s+/).some((c) => sheet.classes.has(c))) return true;
  }
  for (const value of attributes.get("id") ?? []) if (sheet.ids.has(value.trim().toLowerCase())) return true;
  return false;
}

/** At-rules whose block holds declarations or keyframes, not rules for elements. */
const DESCRIPTOR_AT_RULES = new Set(["font-face", "page", "list", "keyframes", "-webkit-keyframes", "counter-style", "property", "font-feature-values", "font-palette-values", "viewport", "-ms-viewport"]);

/** Index just past the `}` closing the block that opens at `open`, or the text's end. */
function blockEnd(css: string, open: number): number {
  let depth = 0;
  let quote = "";
  for (let i = open; i < css.length; i++) {
    const ch = css[i];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "{") depth++;
    else if (ch === "}" && --depth === 0) return i + 1;
  }
  return css.length;
}

/**
 * Marks what a selector may reach: the first class or id on its subject or the subject's ancestors (every element
 * the rule matches sits inside an element that has it), else the first element name there; a selector with none
 * (`*`, `[dir]`, `:root`) may reach anything. Pseudo-classes and attribute tests only narrow a match, so they are
 * dropped first; what is left is a superset of what the rule matches.
 */
function markSelector(selector: string, facts: StyleSheetFacts): void {
  if (/[\\|]/.test(selector)) {
    facts.everything = true;
    return;
  }
  const plain = selector.replace(/\[[^\]]*\]/g, "").replace(/::?[a-z-]+(?:\([^()]*(?:\([^()]*\)[^()]*)*\))?/gi, "");
  const parts = plain.trim().split(/\s*([>+~])\s*|\s+/).filter((p) => p !== undefined && p !== "");
  const chain: string[] = [];
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i];
    if (part === "+" || part === "~") break;
    if (part !== ">") chain.push(part);
  }
  for (const compound of chain) {
    const cls = compound.match(/\.([^.#\s]+)/);
    if (cls) return void facts.classes.add(cls[1].toLowerCase());
    const id = compound.match(/#([^.#\s]+)/);
    if (id) return void facts.ids.add(id[1].toLowerCase());
  }
  for (const compound of chain) {
    const tag = compound.match(/^([a-z][a-z0-9-]*)/i);
    if (tag) return void facts.tags.add(tag[1].toLowerCase());
  }
  facts.everything = true;
}

/** Blocks inside blocks we follow (@media inside @supports …); deeper nesting is no mail client's and reads as hiding. */
export const MAX_CSS_NESTING = 8;

/** Index of `char` in `css` from `from` on, or the text's length when there is none. */
function indexOrEnd(css: string, char: string, from: number): number {
  const i = css.indexOf(char, from);
  return i < 0 ? css.length : i;
}

/** Reads rules from `css`, one pass: each search stops at the next block, so crafted CSS costs linear time. */
function readRules(css: string, facts: StyleSheetFacts, depth = 0): void {
  if (depth > MAX_CSS_NESTING) {
    facts.everything = true;
    return;
  }
  const nextToken = /\S/g;
  let at = 0;
  // The next "{" and ";" at or after `at`, each searched again only once `at` has passed it: `at` only grows, so
  // each search starts where the last one ended and a run of `@a;` statements costs linear time.
  let open = -1;
  let semicolon = -1;
  const nextFrom = (found: number, char: string) => (found >= at || found === css.length ? found : indexOrEnd(css, char, at));
  while (at < css.length) {
    nextToken.lastIndex = at;
    const token = nextToken.exec(css);
    if (!token) return;
    at = token.index;
    open = nextFrom(open, "{");
    if (css[at] === "@") {
      semicolon = nextFrom(semicolon, ";");
      if (semicolon < open) {
        // @import brings rules we cannot see; @charset and @namespace bring none.
        if (/^@import\b/i.test(css.slice(at, at + 8))) facts.everything = true;
        at = semicolon + 1;
        continue;
      }
    }
    if (open === css.length) return;
    const prelude = css.slice(at, open).trim();
    const end = blockEnd(css, open);
    const body = css.slice(open + 1, end - 1);
    at = end;
    const atRule = prelude.match(/^@([a-z-]+)/i);
    if (atRule) {
      const name = atRule[1].toLowerCase();
      if (name === "font-face") {
        const list = declarations(body) ?? [];
        const family = list.find(([p]) => p === "font-family");
        if (family && list.some(([p]) => p === "src")) familyNames(family[1]).forEach((f) => facts.fonts.add(f));
      } else if (!DESCRIPTOR_AT_RULES.has(name)) {
        // @media, @supports, @layer, @container, @scope and the unknown: their rules may apply.
        readRules(body, facts, depth + 1);
      }
      continue;
    }
    if (isReadableStyle(body, facts)) continue;
    if (mayPaintOverOthers(body, facts)) facts.everything = true;
    for (const selector of splitTop(prelude, ",")) markSelector(selector, facts);
  }
}

/** What the mail's <style> blocks and linked stylesheets may hide. `html` is the mail's HTML, comments and all. */
export function styleSheetFacts(html: string): StyleSheetFacts {
  const facts = emptySheet();
  if (/<link\b[^<>]*\bstylesheet\b/i.test(html)) facts.everything = true;
  const blocks = [...html.matchAll(/<style\b[^<>]*>([\s\S]*?)(?:<\/style\s*>|$)/gi)].map((m) => m[1]);
  const css = blocks.map((b) => stripComments(b).replace(/<!--|-->/g, " ")).join("\n");
  // Two passes: a rule may use a font that a later @font-face brings. The first collects the fonts only.
  readRules(css, emptySheet(facts.fonts));
  readRules(css, facts);
  return facts;
}
