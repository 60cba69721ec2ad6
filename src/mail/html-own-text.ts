// The text of an HTML-only command mail that the owner wrote now and surely saw. Only the commands path reads it
// (src/commands/parse.ts), so html-readable.ts loads with the commands and not with every captured mail.
import { MAX_HTML_CHARS, OUTLOOK_RULE, visibleHtml, visibleToText } from "./html";
import { elementMayPaintOverOthers, mayHideElement, SHRINKING_ELEMENTS, type StyleSheetFacts, styleSheetFacts } from "./html-readable";

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
  // In case of doubt (white text, a class a <style> rule may hide, a style we do not know), it is not the owner's to act on;
  // where something may paint over other text (a box moved back, a shadow, an outline), no line is surely seen.
  const sheet = styleSheetFacts(html.slice(0, MAX_HTML_CHARS));
  if (sheet.everything || anyElementPaintsOverOthers(html, sheet)) return "";
  const visible = visibleHtml(html, {
    drop: (name, attributes, shrinkDepth) => mayHideElement(name, attributes, sheet, shrinkDepth),
    shrinking: SHRINKING_ELEMENTS,
  });
  const start = quoteStart(visible);
  const own = visibleToText(start < 0 ? visible : visible.slice(0, start)).split("\n");
  while (own.length && (own[own.length - 1] === "" || own[own.length - 1] === OUTLOOK_RULE)) own.pop();
  return own.join("\n");
}

/**
 * Whether any rendered element, hidden ones and those inside them included, has styling that may paint over other
 * text: then no line of the mail is surely seen.
 */
function anyElementPaintsOverOthers(html: string, sheet: StyleSheetFacts): boolean {
  let found = false;
  visibleHtml(html, {
    drop: (_name, attributes) => {
      found ||= elementMayPaintOverOthers(attributes, sheet);
      return false;
    },
    shrinking: new Set(),
  });
  return found;
}
