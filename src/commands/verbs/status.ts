// `status`: everything open right now, in the digest's sections and without its caps, numbered so that a
// reply to the answer ("done 2", "snooze 3 2w") works as a reply to a digest does.
import { drizzleFor } from "../../db/drizzle-later";
import type { Language } from "../../i18n/language";
import { DIGEST_TOKEN_TTL_MS, signDigestToken } from "../../digest/token";
import type { PartModel } from "../../digest/view";
import type { Done } from "../outcome";
import type { Command } from "../parse";
import { defineVerb } from "../registry";

type StatusDone = Extract<Done, { code: "status" }>;

/** No caps: the owner asked to see everything. */
const UNCAPPED = { perSection: Number.MAX_SAFE_INTEGER, total: Number.MAX_SAFE_INTEGER };

/** The answer in one language: the plan's items numbered under their sections' titles (`parts`, from view.ts). */
function statusLines(count: number, parts: PartModel[], lang: Language): string[] {
  const en = lang === "en";
  if (count === 0) return [en ? "nothing is open right now" : "intet er åbent lige nu"];
  const out = [
    en
      ? `${count} open item${count === 1 ? "" : "s"} now; reply to this mail with "done 2" or "snooze 3 2w":`
      : `${count} ${count === 1 ? "åbent punkt" : "åbne punkter"} nu; svar på denne mail med "færdig 2" eller "udsæt 3 2w":`,
  ];
  for (const part of parts) {
    if (part.title) out.push("", part.title.toUpperCase());
    for (const section of part.sections) {
      out.push("", section.title);
      for (const item of section.items) {
        const who = item.name === item.address ? `<${item.address}>` : `${item.name} <${item.address}>`;
        const why = item.why.map((p) => (typeof p === "string" ? p : `"${p.subject}"`)).join("");
        out.push(`${String(item.number).padStart(2, " ")}. ${who}`, `    ${why}`);
      }
    }
  }
  return out;
}

export const statusVerb = defineVerb<Extract<Command, { verb: "status" }>, StatusDone>({
  verb: "status",
  words: { en: ["status"], da: ["status"] },
  phase: "after",
  parse: (rest) => (rest.length === 0 ? { verb: "status" } : { error: "extra-words", verb: "status", word: rest.join(" ") }),
  run: async (ctx) => {
    const { d1, config, now } = ctx.run;
    const owner = ctx.owner;
    // Loaded when used: the digest's deciding, wording and sending path, which no other line needs.
    const [{ digestPeople, numberedItems }, { saveStatusList }, db, { planDigest }, { localTime }, { planParts }] = await Promise.all([
      import("../../digest/run"),
      import("../../db/digests"),
      drizzleFor(d1),
      import("../../digest/decide"),
      import("../../digest/schedule"),
      import("../../digest/view"),
    ]);
    const plan = planDigest({ ...(await digestPeople(d1, owner, now, UNCAPPED.perSection)), owner, now, caps: UNCAPPED });
    const listId = await saveStatusList(db, {
      ownerId: owner.id,
      isoWeek: localTime(now, owner.timeZone).isoWeek,
      sentAt: now,
      items: numberedItems(plan),
    });
    const token = await signDigestToken(config.tokenSecret, { ownerId: owner.id, digestId: listId, expiresAt: now + DIGEST_TOKEN_TTL_MS });
    ctx.replyTo = `${config.assistantLocal}+${token}@${config.assistantDomain}`;
    // In the owner's zone as the mail leaves them (the answer's own), in either language the answer may take. Plain
    // text: the items' one-tap links are not shown, so they need no subject.
    const linesIn = (language: Language) =>
      statusLines(plan.items.length, planParts({ language, timeZone: owner.timeZone, now, plan, assistantAddress: config.assistantAddress, replyAddress: config.assistantAddress }, ""), language);
    return { code: "status", lines: { en: linesIn("en"), da: linesIn("da") } };
  },
  answer: { en: (r) => r.lines.en, da: (r) => r.lines.da },
  usage: { en: "status", da: "status" },
  help: { en: ["  status                         everything open now, numbered for done and snooze"], da: ["  status                         alt åbent lige nu, nummereret til færdig og udsæt"] },
});
