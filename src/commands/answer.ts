// The confirmation mail: one line per command line, ✓ or ✗, in the owner's language, then the help text
// whenever something did not work. What a verb did is worded by its entry (registry.ts); what went wrong,
// the refusal and the help's frame are worded here. Pure: outcomes in, text out.
import { cleanText } from "../digest/format";
import { COMMANDS, type CommandStrings, type VerbWords } from "../i18n/commands";
import type { Language } from "../i18n/language";
import type { Execution, Refusal } from "./execute";
import type { LineOutcome } from "./outcome";
import { entryFor, VERBS, verbWord } from "./registry";

/** Echoed command lines are cut here; a long note is recognisable from its start. */
const MAX_ECHO_CHARS = 60;

const verbWords = (lang: Language): VerbWords => ({
  word: (verb) => verbWord(verb, lang),
  example: (verb) => entryFor(verb).usage[lang],
});


function echo(line: string): string {
  return cleanText(line, MAX_ECHO_CHARS);
}

function renderLine(o: LineOutcome, t: CommandStrings, lang: Language, timeZone: string): string[] {
  const text = o.ok ? entryFor(o.verb).answer[lang](o.result, timeZone) : t.failure(o.result, verbWords(lang));
  const [first, ...rest] = Array.isArray(text) ? text : [text];
  // A question back (forget asks first) is neither done nor refused.
  const mark = !o.ok ? "✗" : o.result.code === "forget-ask" ? "?" : "✓";
  return [`${mark} ${echo(o.line)} — ${first}`, ...rest.map((l) => (l ? `    ${l}` : ""))];
}

/** Every verb's lines, in the registry's order, between the help's first and last line. */
function helpLines(t: CommandStrings, lang: Language): string[] {
  return [t.helpFirst, ...VERBS.flatMap((e) => e.help[lang]), t.helpLast];
}

/** A mail to a reply address that did not verify: why nothing ran, and the lines to send again elsewhere. */
function renderRefusal(refused: Refusal, t: CommandStrings): string {
  const out = [t.refused(refused.problem), "", t.resend(refused.plainAddress, refused.lines.length > 0)];
  for (const line of refused.lines) out.push(`  ${echo(line)}`);
  return `${out.join("\n")}\n`;
}

/** The confirmation's text/plain body. Help follows whenever a line failed, was `help`, or nothing was read. */
export function renderAnswer(execution: Execution): string {
  const { owner } = execution;
  const lang: Language = owner.language === "da" ? "da" : "en";
  const t = COMMANDS[lang];
  if (execution.refused) return renderRefusal(execution.refused, t);
  const out: string[] = [];
  for (const o of execution.outcomes) out.push(...renderLine(o, t, lang, owner.timeZone));
  if (execution.outcomes.length === 0) out.push(t.nothing);
  if (execution.skipped) out.push("", t.skipped(execution.skipped));
  const needsHelp = execution.outcomes.length === 0 || execution.outcomes.some((o) => !o.ok || o.result.code === "help");
  if (needsHelp) out.push("", ...helpLines(t, lang));
  return `${out.join("\n")}\n`;
}
