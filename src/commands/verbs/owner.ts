// Verbs about the owner's own settings and data: nobody else is named.
import type { OwnerStats } from "../../db/commands";
import { drizzleFor, rareCommandQueries } from "../../db/drizzle-later";
import { findOwnerById } from "../../db/owner-lookup";
import { isKnownZone, zoneOffsetsToKeep } from "../../zone-clock";
import type { Done, SettingsView } from "../outcome";
import type { Command, ParseError } from "../parse";
import { defineVerb, type RunContext, type VerbEntry } from "../registry";
import { cadenceText, hh, longDate, WEEKDAYS } from "../texts";
import { addressWord, DOMAIN, LANGUAGES, parseSchedule, stripPunctuation } from "../words";
import { statusVerb } from "./status";

type DoneOf<K extends Done["code"]> = Extract<Done, { code: K }>;
type CommandOf<V extends Command["verb"]> = Extract<Command, { verb: V }>;

/** A verb that takes no words at all. */
function bare<V extends Command["verb"]>(verb: V) {
  return (rest: string[]): CommandOf<V> | ParseError => (rest.length === 0 ? ({ verb } as CommandOf<V>) : { error: "extra-words", verb, word: rest.join(" ") });
}

const ignore = defineVerb<CommandOf<"ignore">, DoneOf<"ignored">>({
  verb: "ignore",
  words: { en: ["ignore"], da: ["ignorer", "ignorér"] },
  phase: "batch",
  parse: (rest) => {
    if (rest.length === 0) return { error: "missing-argument", verb: "ignore" };
    if (rest.length > 1) return { error: "extra-words", verb: "ignore", word: rest.slice(1).join(" ") };
    const address = addressWord(rest[0]);
    if (address) return { verb: "ignore", pattern: address };
    const domain = stripPunctuation(rest[0]).toLowerCase().match(DOMAIN);
    return domain ? { verb: "ignore", pattern: `@${domain[1]}` } : { error: "bad-address", verb: "ignore", word: rest[0] };
  },
  run: async (ctx, command) => {
    const { db, countUnmutedMatching, suppress } = await rareCommandQueries(ctx.run.d1);
    const muted = await countUnmutedMatching(db, ctx.run.owner.id, command.pattern);
    ctx.statements.push(...suppress(db, ctx.run.owner.id, command.pattern, ctx.run.now));
    return { code: "ignored", pattern: command.pattern, muted };
  },
  answer: {
    en: (r) => {
      const what = r.pattern.startsWith("@") ? `mail from anyone at ${r.pattern.slice(1)} never becomes a contact` : `mail from ${r.pattern} never becomes a contact`;
      return r.muted === 0 ? what : `${what}; ${r.muted} existing contact${r.muted === 1 ? "" : "s"} muted`;
    },
    da: (r) => {
      const what = r.pattern.startsWith("@") ? `mail fra alle på ${r.pattern.slice(1)} bliver aldrig til en kontakt` : `mail fra ${r.pattern} bliver aldrig til en kontakt`;
      return r.muted === 0 ? what : `${what}; ${r.muted} ${r.muted === 1 ? "eksisterende kontakt" : "eksisterende kontakter"} slået fra`;
    },
  },
  usage: { en: "ignore @newsletter.com", da: "ignorer @nyhedsbrev.dk" },
  help: {
    en: ["  ignore @newsletter.com         an address or domain never becomes a contact"],
    da: ["  ignorer @nyhedsbrev.dk         en adresse eller et domæne bliver aldrig en kontakt"],
  },
});

function pauseVerb(verb: "pause" | "resume", words: VerbEntry["words"], help: VerbEntry["help"]) {
  const paused = verb === "pause";
  return defineVerb<CommandOf<"pause" | "resume">, DoneOf<"paused" | "resumed">>({
    verb,
    words,
    phase: "batch",
    parse: bare(verb),
    run: async (ctx) => {
      const already = (ctx.patch.paused ?? ctx.owner.paused) === paused;
      ctx.patch.paused = paused;
      return paused ? { code: "paused", already } : { code: "resumed", already };
    },
    answer: {
      en: (r) =>
        r.code === "paused"
          ? r.already ? "digests were already paused" : 'digests paused; write "resume" to start them again'
          : r.already ? "digests were not paused" : "digests start again",
      da: (r) =>
        r.code === "paused"
          ? r.already ? "oversigterne var allerede på pause" : 'oversigterne er sat på pause; skriv "genoptag" for at starte dem igen'
          : r.already ? "oversigterne var ikke på pause" : "oversigterne starter igen",
    },
    usage: { en: words.en[0], da: words.da[0] },
    help,
  });
}

const pause = pauseVerb(
  "pause",
  { en: ["pause"], da: ["pause"] },
  { en: ["  pause / resume                 stop and restart the weekly digest"], da: ["  pause / genoptag               stop og start den ugentlige oversigt"] },
);
const resume = pauseVerb("resume", { en: ["resume", "unpause"], da: ["genoptag"] }, { en: [], da: [] });

function settingsLines(s: SettingsView, lang: "en" | "da"): string[] {
  const en = lang === "en";
  const rhythm = (days: number | null) => (days === null ? (en ? "worked out from your mail" : "udledt af dine mails") : cadenceText(days, lang));
  const when = `${WEEKDAYS[lang][s.digestWeekday - 1]} ${en ? "at" : "kl."} ${hh(s.digestHour)}`;
  return en
    ? [
        `Language: ${s.language === "da" ? "Danish (da)" : "English (en)"}`,
        `Time zone: ${s.timeZone}`,
        `Digest: ${when}${s.paused ? " (paused)" : ""}`,
        `Follow up after: ${s.followUpDays} days`,
        `Rhythm, work: ${rhythm(s.cadenceProfessionalDays)}; private: ${rhythm(s.cadencePrivateDays)}`,
        `Ignored: ${s.ignored.length ? s.ignored.join(", ") : "none"}`,
      ]
    : [
        `Sprog: ${s.language === "da" ? "dansk (da)" : "engelsk (en)"}`,
        `Tidszone: ${s.timeZone}`,
        `Oversigt: ${when}${s.paused ? " (på pause)" : ""}`,
        `Følg op efter: ${s.followUpDays} dage`,
        `Rytme, arbejde: ${rhythm(s.cadenceProfessionalDays)}; privat: ${rhythm(s.cadencePrivateDays)}`,
        `Ignoreret: ${s.ignored.length ? s.ignored.join(", ") : "intet"}`,
      ];
}

const settings = defineVerb<CommandOf<"settings">, DoneOf<"settings">>({
  verb: "settings",
  words: { en: ["settings"], da: ["indstillinger"] },
  phase: "after",
  parse: bare("settings"),
  run: async (ctx) => {
    const { db, listSuppressionPatterns } = await rareCommandQueries(ctx.run.d1);
    const ignored = await listSuppressionPatterns(db, ctx.owner.id);
    const { language, timeZone, digestWeekday, digestHour, paused, followUpDays, cadenceProfessionalDays, cadencePrivateDays } = ctx.owner;
    return {
      code: "settings",
      settings: { language, timeZone, digestWeekday, digestHour, paused, followUpDays, cadenceProfessionalDays, cadencePrivateDays, ignored },
    };
  },
  answer: {
    en: (r) => ["your settings:", ...settingsLines(r.settings, "en")],
    da: (r) => ["dine indstillinger:", ...settingsLines(r.settings, "da")],
  },
  usage: { en: "settings", da: "indstillinger" },
  help: { en: ["  settings                       show your settings"], da: ["  indstillinger                  vis dine indstillinger"] },
});

const timezone = defineVerb<CommandOf<"timezone">, DoneOf<"timezone">>({
  verb: "timezone",
  words: { en: ["timezone"], da: ["tidszone"] },
  phase: "batch",
  parse: (rest) => (rest.length === 1 ? { verb: "timezone", timeZone: stripPunctuation(rest[0]) } : { error: "missing-argument", verb: "timezone" }),
  run: async (ctx, command) => {
    if (!isKnownZone(command.timeZone)) return { code: "bad-timezone", word: command.timeZone };
    // Intl spells the zone canonically: "europe/copenhagen" is stored as "Europe/Copenhagen".
    ctx.timeZone = new Intl.DateTimeFormat("en-US", { timeZone: command.timeZone }).resolvedOptions().timeZone;
    ctx.patch.timeZone = ctx.timeZone;
    // The new zone's offsets, kept now that ICU is loaded anyway: the next digest reads its clock from the row
    // instead of loading ICU itself (25–35 ms of a fresh isolate's CPU). None for UTC, which needs none.
    const offsets = zoneOffsetsToKeep(ctx.timeZone, ctx.patch.zoneOffsets ?? ctx.owner.zoneOffsets, ctx.run.now);
    if (offsets) ctx.patch.zoneOffsets = offsets;
    return { code: "timezone", timeZone: ctx.timeZone };
  },
  answer: { en: (r) => `time zone set to ${r.timeZone}`, da: (r) => `tidszone sat til ${r.timeZone}` },
  usage: { en: "timezone Europe/Copenhagen", da: "tidszone Europe/Copenhagen" },
  // One help line holds timezone, language and the digest's time.
  help: { en: ["  timezone Europe/Copenhagen     language da     digest monday 8:00"], da: ["  tidszone Europe/Copenhagen     sprog en     oversigt mandag 8:00"] },
});

const language = defineVerb<CommandOf<"language">, DoneOf<"language">>({
  verb: "language",
  words: { en: ["language"], da: ["sprog"] },
  phase: "batch",
  parse: (rest) => {
    const lang = LANGUAGES[stripPunctuation(rest[0] ?? "").toLowerCase()];
    if (rest.length === 1 && lang) return { verb: "language", language: lang };
    return rest.length === 0 ? { error: "missing-argument", verb: "language" } : { error: "bad-language", verb: "language", word: rest.join(" ") };
  },
  run: async (ctx, command) => {
    ctx.patch.language = command.language;
    return { code: "language", language: command.language };
  },
  answer: {
    en: (r) => (r.language === "da" ? "I will write to you in Danish" : "I will write to you in English"),
    da: (r) => (r.language === "da" ? "jeg skriver til dig på dansk" : "jeg skriver til dig på engelsk"),
  },
  usage: { en: "language da", da: "sprog en" },
  help: { en: [], da: [] },
});

/** Reached through `digest` with a day or an hour after it. */
const schedule = defineVerb<CommandOf<"schedule">, DoneOf<"schedule">>({
  verb: "schedule",
  words: { en: ["digest"], da: ["oversigt"] },
  phase: "batch",
  run: async (ctx, command) => {
    if (command.weekday !== null) ctx.patch.digestWeekday = command.weekday;
    if (command.hour !== null) ctx.patch.digestHour = command.hour;
    return { code: "schedule", weekday: ctx.patch.digestWeekday ?? ctx.owner.digestWeekday, hour: ctx.patch.digestHour ?? ctx.owner.digestHour };
  },
  answer: {
    en: (r) => `your digest now comes on ${WEEKDAYS.en[r.weekday - 1]} at ${hh(r.hour)}`,
    da: (r) => `din oversigt kommer nu ${WEEKDAYS.da[r.weekday - 1]} kl. ${hh(r.hour)}`,
  },
  usage: { en: "digest monday 8:00", da: "oversigt mandag 8:00" },
  help: { en: [], da: [] },
});

const digest = defineVerb<CommandOf<"digest">, DoneOf<"digest-sent"> | DoneOf<"schedule">>({
  verb: "digest",
  words: { en: ["digest"], da: ["oversigt"] },
  phase: "after",
  parse: (rest) => (rest.length === 0 ? { verb: "digest" } : (parseSchedule(rest) as CommandOf<"digest"> | ParseError)),
  run: async (ctx) => {
    try {
      // Loaded when used: the sending path (cloudflare:email) stays out of the pure line parser's imports.
      const { sendDigest } = await import("../../digest/run");
      const sent = await sendDigest(ctx.run.d1, ctx.run.sendEmail, ctx.run.config, ctx.owner, ctx.run.now, null);
      return { code: "digest-sent", items: sent.items, to: sent.to };
    } catch (err) {
      console.error(`digest on request for owner ${ctx.owner.id} failed: ${String(err)}`);
      return { code: "digest-failed" };
    }
  },
  answer: {
    en: (r) => (r.code === "digest-sent" ? `a fresh digest with ${r.items} item${r.items === 1 ? "" : "s"} is on its way to ${r.to}` : ""),
    da: (r) => (r.code === "digest-sent" ? `en ny oversigt med ${r.items} ${r.items === 1 ? "punkt" : "punkter"} er på vej til ${r.to}` : ""),
  },
  usage: { en: "digest", da: "oversigt" },
  help: { en: ["  digest                         send a fresh digest now"], da: ["  oversigt                       send en ny oversigt nu"] },
});

const exportVerb = defineVerb<CommandOf<"export">, DoneOf<"exported" | "export-link">>({
  verb: "export",
  words: { en: ["export"], da: ["eksport", "eksporter", "eksportér"] },
  phase: "after",
  parse: bare("export"),
  run: async (ctx) => {
    // One set of files however often the mail asks; past MAIL_EXPORT_MAX_ROWS, a link instead (export/index.ts).
    const [db, { exportByMail }] = await Promise.all([drizzleFor(ctx.run.d1), import("../../export")]);
    const mailed = await exportByMail(db, ctx.run.config, ctx.owner, ctx.run.now, ctx.attachments.length === 0);
    ctx.attachments.push(...mailed.attachments);
    return mailed.result;
  },
  answer: {
    en: (r, timeZone) =>
      r.code === "exported"
        ? `attached: ${r.contacts} contacts, ${r.interactions} mails and ${r.notes} notes as JSON, CSV and vCard`
        : `${r.contacts} contacts, ${r.interactions} mails and ${r.notes} notes are too much to attach. ` +
          (r.url
            ? `Download them until ${longDate(r.expiresAt, timeZone, "en")}: JSON ${r.url}&format=json, CSV ${r.url}&format=csv, vCard ${r.url}&format=vcf`
            : "Fetch them with your API token: GET /api/export?format=json (or csv, vcf)"),
    da: (r, timeZone) =>
      r.code === "exported"
        ? `vedhæftet: ${r.contacts} kontakter, ${r.interactions} mails og ${r.notes} noter som JSON, CSV og vCard`
        : `${r.contacts} kontakter, ${r.interactions} mails og ${r.notes} noter er for meget at vedhæfte. ` +
          (r.url
            ? `Hent dem inden ${longDate(r.expiresAt, timeZone, "da")}: JSON ${r.url}&format=json, CSV ${r.url}&format=csv, vCard ${r.url}&format=vcf`
            : "Hent dem med din API-nøgle: GET /api/export?format=json (eller csv, vcf)"),
  },
  usage: { en: "export", da: "eksport" },
  help: {
    en: ["  export                         your data as JSON, CSV and vCard (a download link when it is large)"],
    da: ["  eksport                        dine data som JSON, CSV og vCard (et link, når de fylder meget)"],
  },
});

function statsLines(s: OwnerStats, timeZone: string, lang: "en" | "da"): string[] {
  const last = s.lastDigestAt === null ? "" : lang === "en" ? `, the last on ${longDate(s.lastDigestAt, timeZone, "en")}` : `, den seneste ${longDate(s.lastDigestAt, timeZone, "da")}`;
  return lang === "en"
    ? [
        "your network:",
        `Contacts: ${s.contacts} (${s.professional} work, ${s.private} private); ${s.muted} muted, ${s.snoozed} snoozed`,
        `Mail: ${s.outbound} sent, ${s.inbound} received${s.meetings ? `; meetings: ${s.meetings}` : ""}`,
        `Notes: ${s.notes}; ignored addresses and domains: ${s.ignored}`,
        `Digests sent: ${s.digests}${last}`,
      ]
    : [
        "dit netværk:",
        `Kontakter: ${s.contacts} (${s.professional} arbejde, ${s.private} private); ${s.muted} slået fra, ${s.snoozed} udsat`,
        `Mails: ${s.outbound} sendt, ${s.inbound} modtaget${s.meetings ? `; møder: ${s.meetings}` : ""}`,
        `Noter: ${s.notes}; ignorerede adresser og domæner: ${s.ignored}`,
        `Oversigter sendt: ${s.digests}${last}`,
      ];
}

const stats = defineVerb<CommandOf<"stats">, DoneOf<"stats">>({
  verb: "stats",
  words: { en: ["stats", "statistics"], da: ["statistik"] },
  phase: "after",
  parse: bare("stats"),
  run: async (ctx) => {
    const { db, ownerStats } = await rareCommandQueries(ctx.run.d1);
    return { code: "stats", stats: await ownerStats(db, ctx.owner.id, ctx.run.now) };
  },
  answer: { en: (r, tz) => statsLines(r.stats, tz, "en"), da: (r, tz) => statsLines(r.stats, tz, "da") },
  usage: { en: "stats", da: "statistik" },
  help: { en: ["  stats                          numbers about your network"], da: ["  statistik                      tal om dit netværk"] },
});

const help = defineVerb<CommandOf<"help">, DoneOf<"help">>({
  verb: "help",
  words: { en: ["help", "?"], da: ["hjælp", "hjaelp"] },
  phase: "batch",
  parse: bare("help"),
  run: async () => ({ code: "help" }),
  answer: { en: () => "the commands are listed below", da: () => "kommandoerne står nedenfor" },
  usage: { en: "help", da: "hjælp" },
  help: { en: ["  help                           this list"], da: ["  hjælp                          denne liste"] },
});

/** Settings changed by the batch, read back before the "after" phase. */
export async function ownerAfterBatch(ctx: RunContext): Promise<void> {
  if (Object.keys(ctx.patch).length) ctx.owner = (await findOwnerById(ctx.run.d1, ctx.owner.id)) ?? ctx.owner;
}

export async function ownerPatchStatement(ctx: RunContext) {
  if (!Object.keys(ctx.patch).length) return [];
  const { db, updateOwner } = await rareCommandQueries(ctx.run.d1);
  return [updateOwner(db, ctx.owner.id, ctx.patch)];
}

export const ownerVerbs = {
  ignore,
  pause,
  resume,
  settings,
  timezone,
  language,
  schedule,
  digest,
  export: exportVerb,
  stats,
  status: statusVerb,
  help,
};
