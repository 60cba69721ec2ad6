// The text/plain part: readable in any client and at 72 columns, the width RFC 3676 recommends for
// flowed-less text. No links; the addresses are there to copy.

import { wrap } from "./format";
import type { Piece } from "../i18n/digest";
import { type BarModel, type DigestModel, type DigestView, buildDigestModel } from "./view";

export const TEXT_WIDTH = 72;
const ITEM_INDENT = "    ";
// Eight block heights, lowest first; a week with nothing shows a dot so it is not mistaken for a gap.
const SPARK_LEVELS = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
const SPARK_EMPTY = "·";

function sentence(pieces: Piece[], quote: (s: string) => string): string {
  return pieces.map((p) => (typeof p === "string" ? p : quote(p.subject))).join("");
}

function heading(title: string, rule: "=" | "-"): string[] {
  return [title, rule.repeat([...title].length)];
}

function sparkline(values: number[], max: number): string {
  return values
    .map((v) => (v <= 0 ? SPARK_EMPTY : SPARK_LEVELS[Math.min(7, Math.ceil((v / max) * 8) - 1)]))
    .join("");
}

function activityLines(bars: BarModel[], labels: { sent: string; received: string }, totals: { sent: number; received: number }): string[] {
  const max = Math.max(1, ...bars.map((b) => Math.max(b.sent, b.received)));
  const width = Math.max([...labels.sent].length, [...labels.received].length) + 2;
  const pad = (s: string) => s + " ".repeat(width - [...s].length);
  return [
    `${pad(labels.sent)}${sparkline(bars.map((b) => b.sent), max)}  ${totals.sent}`,
    `${pad(labels.received)}${sparkline(bars.map((b) => b.received), max)}  ${totals.received}`,
  ];
}

/** `model`: the view's model when the other part was rendered from it too (a digest mail has both). */
export function renderDigestText(view: DigestView, model?: DigestModel): string {
  const m = model ?? buildDigestModel(view);
  const s = m.strings;
  const out: string[] = [];
  const para = (text: string, prefix = "", indent?: string) => out.push(...wrap(text, TEXT_WIDTH, prefix, indent));

  out.push(`${s.brand} · ${m.dateline}`, "");
  out.push(m.greeting, "");
  para(m.intro);
  out.push("");
  for (const step of m.startSteps) para(step, "  - ", "    ");
  if (m.startSteps.length) out.push("");

  out.push(...heading(s.activityTitle, "-"));
  out.push(...activityLines(m.bars, { sent: s.sent, received: s.received }, m.totals));
  para(m.balance);
  out.push("");

  for (const part of m.parts) {
    if (part.title) out.push(...heading(part.title.toUpperCase(), "="), "");
    for (const section of part.sections) {
      out.push(...heading(section.title, "-"));
      para(section.hint);
      out.push("");
      for (const item of section.items) {
        const number = `${item.number}.`.padStart(3, " ") + " ";
        const who = item.name === item.address ? `<${item.address}>` : `${item.name} <${item.address}>`;
        para(who, number, ITEM_INDENT);
        para(sentence(item.why, s.quote), ITEM_INDENT);
        out.push("");
      }
    }
  }

  for (const note of [m.newPeople, m.leftOut]) {
    if (!note) continue;
    para(note);
    out.push("");
  }
  if (m.stats) {
    para(m.stats);
    out.push("");
  }

  // "-- " is the signature separator of RFC 3676 §4.3: clients dim what follows and leave it out of quotes.
  out.push("-- ");
  para(s.footerIntro);
  out.push("");
  const commands = s.commands(view.plan.items.length);
  const exampleWidth = Math.max(...commands.map((c) => [...c.example].length)) + 3;
  for (const c of commands) {
    para(c.meaning, `  ${c.example}`.padEnd(exampleWidth + 2, " "), " ".repeat(exampleWidth + 2));
  }
  out.push("");
  for (const question of m.sameQuestions) {
    para(question);
    out.push("");
  }
  para(s.footerNote);
  return `${out.join("\n")}\n`;
}
