// The text/html part. Mail clients are not browsers: Gmail drops <style> in many contexts, Outlook on
// Windows renders with Word (no flexbox, grid, max-width or background images, partial padding). So the
// layout is nested tables with role="presentation", every style inline, bgcolor attributes beside
// background-color, and bars drawn as table cells of fixed height rather than images or SVG (which Gmail
// and Outlook block or strip). Every piece of text that came in by mail is escaped.

import { escapeHtml } from "./format";
import type { Piece } from "../i18n/digest";
import { type BarModel, type DigestModel, type DigestView, type ItemModel, type PartModel, buildDigestModel } from "./view";

/** The common width of mail clients' reading panes; the layout shrinks below it on phones. */
export const CONTENT_WIDTH_PX = 600;
/** Height of the tallest bar. */
export const BAR_MAX_PX = 64;
const BAR_MIN_PX = 3;
const BAR_ZERO_PX = 2;
const BAR_WIDTH_PX = 10;

const FONT = `-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif`;
const MONO = `ui-monospace,SFMono-Regular,Menlo,Consolas,'Liberation Mono',monospace`;

// Gmail's and Outlook's forced dark mode invert light backgrounds and lighten dark text, but leave saturated
// mid-tones much as they are: a dark green bar on an inverted (now dark) panel all but vanished. So the bars
// and swatches are mid-tones that keep at least 3:1 against both the light panel and a dark one (#1e1e1e–#2b2b2b).
const C = {
  page: "#f3f1ec",
  card: "#ffffff",
  panel: "#f8f6f2",
  ink: "#1e2a29",
  body: "#3b4746",
  muted: "#6c7776",
  rule: "#e7e2d9",
  accent: "#1e6b5a",
  /** "Sent" bars: 3.6:1 on the light panel, 4.6:1 on #1e1e1e. */
  barSent: "#2f8f76",
  /** "Received" bars: lighter, 2.0:1 beside the sent bar in either scheme. */
  barReceived: "#7fc2ae",
  accentTint: "#e6f1ed",
  zeroBar: "#cfc9bd",
  code: "#ebe7df",
} as const;

/** The same roles in clients that honour prefers-color-scheme (Apple Mail, iOS Mail, Outlook for Mac, Thunderbird). */
const DARK = {
  page: "#161a1a",
  card: "#1f2524",
  panel: "#262d2c",
  ink: "#edf2f0",
  body: "#c9d3d1",
  muted: "#9aa6a4",
  rule: "#36403e",
  accent: "#6cc4a9",
  accentTint: "#23403a",
  code: "#2f3836",
} as const;

// Classes only for what inline styles cannot say: dark colours and narrow screens. Clients that drop <style>
// (some Gmail contexts) keep the inline light design, which their own dark mode then adjusts.
const STYLE = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  .bg-page { background-color: ${DARK.page} !important; }
  .bg-card { background-color: ${DARK.card} !important; border-color: ${DARK.rule} !important; }
  .bg-panel { background-color: ${DARK.panel} !important; }
  .t-ink { color: ${DARK.ink} !important; }
  .t-body { color: ${DARK.body} !important; }
  .t-muted { color: ${DARK.muted} !important; }
  .t-accent { color: ${DARK.accent} !important; }
  .rule { border-color: ${DARK.rule} !important; }
  .num { background-color: ${DARK.accentTint} !important; color: ${DARK.accent} !important; }
  .btn { background-color: ${DARK.card} !important; border-color: ${DARK.accent} !important; }
  .btn a { color: ${DARK.accent} !important; }
  code { background-color: ${DARK.code} !important; color: ${DARK.ink} !important; }
}
@media screen and (max-width: 480px) {
  .outer { padding-left: 0 !important; padding-right: 0 !important; }
  .pad { padding-left: 16px !important; padding-right: 16px !important; }
  .inner { padding-left: 14px !important; padding-right: 14px !important; }
  .numcol { width: 32px !important; }
  .bg-card { border-radius: 0 !important; border-left: 0 !important; border-right: 0 !important; }
}`;

// The card's side padding and the number column, small enough that a 375 px screen keeps about 280 px for
// text even where media queries are ignored (Gmail's mobile web app, Outlook on Windows); the narrow-screen
// rules below trim them further where they are honoured.
const PAD = 24;
const NUM_COL = 34;

const TABLE = `role="presentation" cellpadding="0" cellspacing="0" border="0"`;

function text(size: number, lineHeight: number, color: string, extra = ""): string {
  return `font-family:${FONT};font-size:${size}px;line-height:${lineHeight}px;color:${color};${extra}`;
}

function pieces(ps: Piece[], quote: (s: string) => string): string {
  return ps
    .map((p) => (typeof p === "string" ? escapeHtml(p) : `<span class="t-ink" style="color:${C.ink};">${escapeHtml(quote(p.subject))}</span>`))
    .join("");
}

function bar(value: number, max: number, color: string, title: string): string {
  const height = value > 0 ? Math.max(BAR_MIN_PX, Math.round((value / max) * BAR_MAX_PX)) : BAR_ZERO_PX;
  const fill = value > 0 ? color : C.zeroBar;
  return (
    `<td valign="bottom" style="padding:0 1px;">` +
    `<table ${TABLE}><tr><td width="${BAR_WIDTH_PX}" height="${height}" bgcolor="${fill}" title="${escapeHtml(title)}" ` +
    `style="width:${BAR_WIDTH_PX}px;height:${height}px;background-color:${fill};border-radius:2px 2px 0 0;` +
    `font-size:0;line-height:0;mso-line-height-rule:exactly;">&nbsp;</td></tr></table></td>`
  );
}

function activity(m: DigestModel): string {
  const s = m.strings;
  const max = Math.max(1, ...m.bars.map((b) => Math.max(b.sent, b.received)));
  const last = m.bars.length - 1;
  const column = (b: BarModel) =>
    `<td class="week" align="center" valign="bottom" height="${BAR_MAX_PX}" style="height:${BAR_MAX_PX}px;padding:0 1px;">` +
    `<table ${TABLE}><tr>` +
    bar(b.sent, max, C.barSent, `${s.week(b.week)}: ${s.sent} ${b.sent}`) +
    bar(b.received, max, C.barReceived, `${s.week(b.week)}: ${s.received} ${b.received}`) +
    `</tr></table></td>`;
  const label = (b: BarModel, i: number) =>
    `<td align="center" class="${i === last ? "t-ink" : "t-muted"}" style="padding-top:6px;${text(11, 14, i === last ? C.ink : C.muted, i === last ? "font-weight:600;" : "")}">${b.week}</td>`;
  const swatch = (color: string, label: string) =>
    `<td valign="middle" style="padding:0 6px 0 12px;"><table ${TABLE}><tr><td width="10" height="10" bgcolor="${color}" ` +
    `style="width:10px;height:10px;background-color:${color};border-radius:2px;font-size:0;line-height:0;">&nbsp;</td></tr></table></td>` +
    `<td valign="middle" class="t-muted" style="${text(12, 16, C.muted)}">${escapeHtml(label)}</td>`;

  return `
<tr><td class="pad" style="padding:24px ${PAD}px 0;">
  <table ${TABLE} width="100%" bgcolor="${C.panel}" class="bg-panel" style="background-color:${C.panel};border-radius:10px;">
    <tr><td class="inner" style="padding:18px 20px 18px;">
      <table ${TABLE} width="100%">
        <tr>
          <td valign="middle" class="t-ink" style="${text(15, 20, C.ink, "font-weight:600;")}">${escapeHtml(s.activityTitle)}</td>
          <td align="right" valign="middle"><table ${TABLE}><tr>${swatch(C.barSent, s.sent)}${swatch(C.barReceived, s.received)}</tr></table></td>
        </tr>
      </table>
      <table ${TABLE} width="100%" aria-hidden="true" style="margin-top:16px;border-bottom:1px solid ${C.zeroBar};">
        <tr>${m.bars.map(column).join("")}</tr>
      </table>
      <table ${TABLE} width="100%" aria-hidden="true">
        <tr>${m.bars.map(label).join("")}</tr>
      </table>
      <p class="t-body" style="margin:14px 0 0;${text(14, 21, C.body)}">${escapeHtml(s.weeksTotal(m.totals.sent, m.totals.received))} ${escapeHtml(m.balance)}</p>
    </td></tr>
  </table>
</td></tr>`;
}

/** An address that wraps only where a reader expects: after the @ and after dots, never mid-word. */
function breakableAddress(address: string): string {
  return escapeHtml(address).replace(/([@.])/g, "$1<wbr>");
}

/** A bordered button. The padding is on the cell: Outlook on Windows (Word) ignores it on the <a>. */
function button(href: string, label: string): string {
  return (
    `<table ${TABLE} style="display:inline-table;"><tr><td class="btn" bgcolor="${C.card}" style="border:1px solid ${C.accent};border-radius:6px;padding:6px 14px;mso-padding-alt:6px 14px;">` +
    `<a href="${escapeHtml(href)}" style="${text(14, 18, C.accent, "font-weight:600;text-decoration:none;display:inline-block;")}">${escapeHtml(label)}&nbsp;&rarr;</a>` +
    `</td></tr></table>`
  );
}

function quickLink(link: { label: string; href: string }): string {
  return `<a href="${escapeHtml(link.href)}" class="t-accent" style="${text(13, 18, C.accent, "text-decoration:underline;white-space:nowrap;")}">${escapeHtml(link.label)}</a>`;
}

function item(m: DigestModel, it: ItemModel): string {
  const s = m.strings;
  const showAddress = it.name !== it.address;
  return `
<tr><td style="padding:14px 0 4px;">
  <table ${TABLE} width="100%"><tr>
    <td width="${NUM_COL}" valign="top" class="numcol" style="width:${NUM_COL}px;padding-top:1px;">
      <table ${TABLE}><tr><td width="26" height="26" align="center" valign="middle" bgcolor="${C.accentTint}" class="num" style="width:26px;height:26px;background-color:${C.accentTint};border-radius:13px;${text(13, 26, C.accent, "font-weight:700;")}">${it.number}</td></tr></table>
    </td>
    <td valign="top">
      <table ${TABLE} width="100%">
        <tr><td class="t-ink" style="${text(16, 22, C.ink, "font-weight:600;")}">${escapeHtml(it.name)}</td></tr>
        ${showAddress ? `<tr><td class="t-muted" style="${text(13, 18, C.muted)}">${breakableAddress(it.address)}</td></tr>` : ""}
        <tr><td class="t-body" style="padding-top:4px;${text(15, 23, C.body)}">${pieces(it.why, s.quote)}</td></tr>
        <tr><td style="padding-top:10px;">
          <table ${TABLE}><tr>
            <td valign="middle" style="padding:0 14px 6px 0;">${button(it.mailto, it.action)}</td>
            <td valign="middle" style="padding:0 12px 6px 0;">${quickLink(it.done)}</td>
            <td valign="middle" style="padding:0 0 6px 0;">${quickLink(it.later)}</td>
          </tr></table>
        </td></tr>
      </table>
    </td>
  </tr></table>
</td></tr>`;
}

function part(m: DigestModel, p: PartModel, first: boolean): string {
  const title = p.title
    ? `<tr><td style="padding:${first ? 28 : 36}px 0 0;"><table ${TABLE} width="100%"><tr><td class="rule t-ink" style="border-top:1px solid ${C.rule};padding-top:20px;${text(19, 26, C.ink, "font-weight:600;")}">${escapeHtml(p.title)}</td></tr></table></td></tr>`
    : "";
  const sections = p.sections
    .map(
      (sec, i) => `
<tr><td class="t-accent" style="padding:${i === 0 && p.title ? 14 : 28}px 0 0;${text(12, 16, C.accent, "font-weight:700;letter-spacing:1px;text-transform:uppercase;")}">${escapeHtml(sec.title)}</td></tr>
<tr><td class="t-muted" style="padding:4px 0 2px;${text(14, 20, C.muted)}">${escapeHtml(sec.hint)}</td></tr>
${sec.items.map((it) => item(m, it)).join("")}`,
    )
    .join("");
  return title + sections;
}

function footer(m: DigestModel): string {
  const s = m.strings;
  const rows = s
    .commands(m.itemCount)
    .map(
      (c) =>
        `<tr><td valign="top" style="padding:3px 12px 3px 0;white-space:nowrap;"><code style="font-family:${MONO};font-size:13px;line-height:20px;color:${C.ink};background-color:${C.code};border-radius:4px;padding:1px 6px;">${escapeHtml(c.example)}</code></td>` +
        `<td valign="top" class="t-muted" style="padding:3px 0;${text(13, 20, C.muted)}">${escapeHtml(c.meaning)}</td></tr>`,
    )
    .join("");
  return `
<tr><td class="pad" style="padding:24px ${PAD}px 8px;">
  <p class="t-body" style="margin:0 0 10px;${text(13, 20, C.body, "font-weight:600;")}">${escapeHtml(s.footerIntro)}</p>
  <table ${TABLE}>${rows}</table>
  ${m.sameQuestions.map((q) => `<p class="t-body" style="margin:14px 0 0;${text(13, 20, C.body)}">${escapeHtml(q)}</p>`).join("")}
  <p class="t-muted" style="margin:14px 0 0;${text(12, 18, C.muted)}">${escapeHtml(s.footerNote)}</p>
</td></tr>`;
}

/** `model`: the view's model when the other part was rendered from it too (a digest mail has both). */
export function renderDigestHtml(view: DigestView, model?: DigestModel): string {
  const m = model ?? buildDigestModel(view);
  const s = m.strings;
  const hasItems = m.parts.length > 0;
  const notes = [m.newPeople, m.leftOut, m.stats].filter((n): n is string => n !== null);
  // Hidden preview text: inbox lists show it after the subject instead of the first words of the layout. The
  // filler keeps the layout's first words out of the preview; opacity and zero size hide it in Gmail's mobile
  // web app, which ignores display:none on a div.
  const preheader = `${escapeHtml(m.intro)}${"&#847;&zwnj;&nbsp;".repeat(60)}`;
  const start = m.startSteps.length
    ? `<ul style="margin:12px 0 0;padding:0 0 0 20px;">${m.startSteps.map((step) => `<li class="t-body" style="margin:0 0 8px;${text(15, 22, C.body)}">${escapeHtml(step)}</li>`).join("")}</ul>`
    : "";

  return `<!DOCTYPE html>
<html lang="${s.htmlLang}" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${escapeHtml(m.subject)}</title>
<style>${STYLE}</style>
<!--[if mso]><style>table,td,p,a,span,code{font-family:'Segoe UI',Arial,sans-serif !important;}</style><![endif]-->
</head>
<body class="bg-page" style="margin:0;padding:0;background-color:${C.page};" bgcolor="${C.page}">
<div style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all;color:${C.page};">${preheader}</div>
<table ${TABLE} width="100%" bgcolor="${C.page}" class="bg-page" style="background-color:${C.page};">
<tr><td align="center" class="outer" style="padding:28px 8px 32px;">
<!--[if mso]><table ${TABLE} width="${CONTENT_WIDTH_PX}" align="center"><tr><td><![endif]-->
<table ${TABLE} width="100%" style="width:100%;max-width:${CONTENT_WIDTH_PX}px;">
<tr><td class="pad" style="padding:0 8px 14px;">
  <table ${TABLE} width="100%"><tr>
    <td class="t-accent" style="${text(15, 20, C.accent, "font-weight:700;letter-spacing:0.5px;")}">${escapeHtml(s.brand)}</td>
    <td align="right" class="t-muted" style="${text(13, 20, C.muted)}">${escapeHtml(m.dateline)}</td>
  </tr></table>
</td></tr>
<tr><td bgcolor="${C.card}" class="bg-card" style="background-color:${C.card};border:1px solid ${C.rule};border-radius:12px;">
  <table ${TABLE} width="100%">
    <tr><td class="pad" style="padding:32px ${PAD}px 0;">
      <p class="t-ink" style="margin:0;${text(22, 30, C.ink, "font-weight:600;")}">${escapeHtml(m.greeting)}</p>
      <p class="t-body" style="margin:8px 0 0;${text(16, 24, C.body)}">${escapeHtml(m.intro)}</p>${start}
    </td></tr>
    ${activity(m)}
    ${
      hasItems
        ? `<tr><td class="pad" style="padding:0 ${PAD}px ${notes.length ? 8 : 28}px;"><table ${TABLE} width="100%">${m.parts.map((p, i) => part(m, p, i === 0)).join("")}</table></td></tr>`
        : `<tr><td style="padding:0 0 28px;"></td></tr>`
    }
    ${
      notes.length
        ? `<tr><td class="pad" style="padding:20px ${PAD}px 28px;"><table ${TABLE} width="100%"><tr><td class="rule" style="border-top:1px solid ${C.rule};padding-top:16px;">${notes
            .map((n, i) => `<p class="t-muted" style="margin:${i ? 6 : 0}px 0 0;${text(13, 20, C.muted)}">${escapeHtml(n)}</p>`)
            .join("")}</td></tr></table></td></tr>`
        : ""
    }
  </table>
</td></tr>
${footer(m)}
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</body>
</html>
`;
}
