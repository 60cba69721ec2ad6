// The text/html part. Mail clients are not browsers: Gmail drops <style> in many contexts, Outlook on
// Windows renders with Word (no flexbox, grid, max-width or background images, partial padding). So the
// layout is nested tables with role="presentation", every style inline, bgcolor attributes beside
// background-color, and bars drawn as table cells of fixed height rather than images or SVG (which Gmail
// and Outlook block or strip). Every piece of text that came in by mail is escaped.

import { escapeHtml } from "./format";
import type { Piece } from "./i18n";
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

const C = {
  page: "#f3f1ec",
  card: "#ffffff",
  panel: "#f8f6f2",
  ink: "#1e2a29",
  body: "#3b4746",
  muted: "#6c7776",
  rule: "#e7e2d9",
  accent: "#1e6b5a",
  accentSoft: "#a3cdbf",
  accentTint: "#e6f1ed",
  zeroBar: "#dcd7cd",
  code: "#ebe7df",
} as const;

const TABLE = `role="presentation" cellpadding="0" cellspacing="0" border="0"`;

function text(size: number, lineHeight: number, color: string, extra = ""): string {
  return `font-family:${FONT};font-size:${size}px;line-height:${lineHeight}px;color:${color};${extra}`;
}

function pieces(ps: Piece[], quote: (s: string) => string): string {
  return ps
    .map((p) => (typeof p === "string" ? escapeHtml(p) : `<span style="color:${C.ink};">${escapeHtml(quote(p.subject))}</span>`))
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
    bar(b.sent, max, C.accent, `${s.week(b.week)}: ${s.sent} ${b.sent}`) +
    bar(b.received, max, C.accentSoft, `${s.week(b.week)}: ${s.received} ${b.received}`) +
    `</tr></table></td>`;
  const label = (b: BarModel, i: number) =>
    `<td align="center" style="padding-top:6px;${text(11, 14, i === last ? C.ink : C.muted, i === last ? "font-weight:600;" : "")}">${b.week}</td>`;
  const swatch = (color: string, label: string) =>
    `<td valign="middle" style="padding:0 6px 0 12px;"><table ${TABLE}><tr><td width="10" height="10" bgcolor="${color}" ` +
    `style="width:10px;height:10px;background-color:${color};border-radius:2px;font-size:0;line-height:0;">&nbsp;</td></tr></table></td>` +
    `<td valign="middle" style="${text(12, 16, C.muted)}">${escapeHtml(label)}</td>`;

  return `
<tr><td style="padding:24px 32px 0;">
  <table ${TABLE} width="100%" bgcolor="${C.panel}" style="background-color:${C.panel};border-radius:10px;">
    <tr><td style="padding:18px 20px 18px;">
      <table ${TABLE} width="100%">
        <tr>
          <td valign="middle" style="${text(15, 20, C.ink, "font-weight:600;")}">${escapeHtml(s.activityTitle)}</td>
          <td align="right" valign="middle"><table ${TABLE}><tr>${swatch(C.accent, s.sent)}${swatch(C.accentSoft, s.received)}</tr></table></td>
        </tr>
      </table>
      <table ${TABLE} width="100%" aria-hidden="true" style="margin-top:16px;border-bottom:1px solid ${C.zeroBar};">
        <tr>${m.bars.map(column).join("")}</tr>
      </table>
      <table ${TABLE} width="100%" aria-hidden="true">
        <tr>${m.bars.map(label).join("")}</tr>
      </table>
      <p style="margin:14px 0 0;${text(14, 21, C.body)}">${escapeHtml(s.weeksTotal(m.totals.sent, m.totals.received))} ${escapeHtml(m.balance)}</p>
    </td></tr>
  </table>
</td></tr>`;
}

function item(m: DigestModel, it: ItemModel): string {
  const s = m.strings;
  const showAddress = it.name !== it.address;
  return `
<tr><td style="padding:14px 0 4px;">
  <table ${TABLE} width="100%"><tr>
    <td width="40" valign="top" style="width:40px;padding-top:1px;">
      <table ${TABLE}><tr><td width="26" height="26" align="center" valign="middle" bgcolor="${C.accentTint}" style="width:26px;height:26px;background-color:${C.accentTint};border-radius:13px;${text(13, 26, C.accent, "font-weight:700;")}">${it.number}</td></tr></table>
    </td>
    <td valign="top">
      <table ${TABLE} width="100%">
        <tr><td style="${text(16, 24, C.ink, "font-weight:600;")}">${escapeHtml(it.name)}${showAddress ? ` <span style="${text(13, 24, C.muted, "font-weight:400;")}">${escapeHtml(it.address)}</span>` : ""}</td></tr>
        <tr><td style="padding-top:2px;${text(15, 23, C.body)}">${pieces(it.why, s.quote)}</td></tr>
        <tr><td style="padding-top:10px;">
          <table ${TABLE}><tr><td bgcolor="${C.card}" style="border:1px solid ${C.accent};border-radius:6px;">
            <a href="${escapeHtml(it.mailto)}" style="display:inline-block;padding:6px 14px;${text(14, 18, C.accent, "font-weight:600;text-decoration:none;")}">${escapeHtml(it.action)}&nbsp;&rarr;</a>
          </td></tr></table>
        </td></tr>
      </table>
    </td>
  </tr></table>
</td></tr>`;
}

function part(m: DigestModel, p: PartModel, first: boolean): string {
  const title = p.title
    ? `<tr><td style="padding:${first ? 28 : 36}px 0 0;"><table ${TABLE} width="100%"><tr><td style="border-top:1px solid ${C.rule};padding-top:20px;${text(19, 26, C.ink, "font-weight:600;")}">${escapeHtml(p.title)}</td></tr></table></td></tr>`
    : "";
  const sections = p.sections
    .map(
      (sec, i) => `
<tr><td style="padding:${i === 0 && p.title ? 14 : 28}px 0 0;${text(12, 16, C.accent, "font-weight:700;letter-spacing:1px;text-transform:uppercase;")}">${escapeHtml(sec.title)}</td></tr>
<tr><td style="padding:4px 0 2px;${text(14, 20, C.muted)}">${escapeHtml(sec.hint)}</td></tr>
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
        `<td valign="top" style="padding:3px 0;${text(13, 20, C.muted)}">${escapeHtml(c.meaning)}</td></tr>`,
    )
    .join("");
  return `
<tr><td style="padding:24px 32px 8px;">
  <p style="margin:0 0 10px;${text(13, 20, C.body, "font-weight:600;")}">${escapeHtml(s.footerIntro)}</p>
  <table ${TABLE}>${rows}</table>
  ${m.sameQuestions.map((q) => `<p style="margin:14px 0 0;${text(13, 20, C.body)}">${escapeHtml(q)}</p>`).join("")}
  <p style="margin:14px 0 0;${text(12, 18, C.muted)}">${escapeHtml(s.footerNote)}</p>
</td></tr>`;
}

export function renderDigestHtml(view: DigestView): string {
  const m = buildDigestModel(view);
  const s = m.strings;
  const hasItems = m.parts.length > 0;
  const notes = [m.newPeople, m.leftOut, m.stats].filter((n): n is string => n !== null);
  // Hidden preview text: inbox lists show it after the subject instead of the first words of the layout.
  const preheader = `${escapeHtml(m.intro)}${"&zwnj;&nbsp;".repeat(40)}`;

  return `<!DOCTYPE html>
<html lang="${s.htmlLang}" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light">
<meta name="supported-color-schemes" content="light">
<title>${escapeHtml(m.subject)}</title>
<!--[if mso]><style>table,td,p,a,span,code{font-family:'Segoe UI',Arial,sans-serif !important;}</style><![endif]-->
</head>
<body style="margin:0;padding:0;background-color:${C.page};" bgcolor="${C.page}">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;font-size:1px;line-height:1px;color:${C.page};">${preheader}</div>
<table ${TABLE} width="100%" bgcolor="${C.page}" style="background-color:${C.page};">
<tr><td align="center" style="padding:28px 12px 32px;">
<!--[if mso]><table ${TABLE} width="${CONTENT_WIDTH_PX}" align="center"><tr><td><![endif]-->
<table ${TABLE} width="100%" style="width:100%;max-width:${CONTENT_WIDTH_PX}px;">
<tr><td style="padding:0 8px 14px;">
  <table ${TABLE} width="100%"><tr>
    <td style="${text(15, 20, C.accent, "font-weight:700;letter-spacing:0.5px;")}">${escapeHtml(s.brand)}</td>
    <td align="right" style="${text(13, 20, C.muted)}">${escapeHtml(m.dateline)}</td>
  </tr></table>
</td></tr>
<tr><td bgcolor="${C.card}" style="background-color:${C.card};border:1px solid ${C.rule};border-radius:12px;">
  <table ${TABLE} width="100%">
    <tr><td style="padding:32px 32px 0;">
      <p style="margin:0;${text(22, 30, C.ink, "font-weight:600;")}">${escapeHtml(m.greeting)}</p>
      <p style="margin:8px 0 0;${text(16, 24, C.body)}">${escapeHtml(m.intro)}</p>
    </td></tr>
    ${activity(m)}
    ${
      hasItems
        ? `<tr><td style="padding:0 32px ${notes.length ? 8 : 28}px;"><table ${TABLE} width="100%">${m.parts.map((p, i) => part(m, p, i === 0)).join("")}</table></td></tr>`
        : `<tr><td style="padding:0 0 28px;"></td></tr>`
    }
    ${
      notes.length
        ? `<tr><td style="padding:20px 32px 28px;"><table ${TABLE} width="100%"><tr><td style="border-top:1px solid ${C.rule};padding-top:16px;">${notes
            .map((n, i) => `<p style="margin:${i ? 6 : 0}px 0 0;${text(13, 20, C.muted)}">${escapeHtml(n)}</p>`)
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
