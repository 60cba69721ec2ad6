// Verbs about one person: named by a digest item number, an address, or a name.
import { addNote, contactCreateStatement, markDone, setContactField, type NumberedItem } from "../../db/command-store";
import { rareCommandQueries } from "../../db/drizzle-later";
import type { Contact } from "../../db/schema";
import { parseMetDate, parseSnoozeDate } from "../dates";
import type { Done, Failure, Who } from "../outcome";
import type { Command, ContactArgs, ContactVerb, ParseError, Target } from "../parse";
import { defineVerb, type RunContext, type Texts, type VerbEntry } from "../registry";
import { contactsNamed } from "../resolve";
import { cadenceText, longDate, short, person, shortDate } from "../texts";
import { CONFIRM_WORDS, ITEM, MAX_NAME_WORDS, MAX_NOTE_CHARS, parseCadence, stripPunctuation, target } from "../words";

/** People listed when a name fits several. */
const MAX_CANDIDATES = 5;

export const who = (c: Pick<Contact, "name" | "address">): Who => ({ name: c.name, address: c.address });

type ContactCommand<A extends ContactArgs> = { verb: ContactVerb; target: Target; args: A | null };

/** Who a line is about. `contact` is null for an address with no contact yet, when the verb may create one. */
export interface Resolved<A extends ContactArgs> {
  contact: Contact | null;
  address: string;
  item: NumberedItem | null;
  args: A;
}

interface ContactSpec<A extends ContactArgs, R extends Done> {
  verb: ContactVerb;
  words: VerbEntry["words"];
  /** The words after the person. */
  args: (rest: string[]) => A | ParseError;
  /** Whether words follow the person (then a name's end is found by trying the longest first). */
  takesArgs: boolean;
  /** A new address becomes a contact (a note or a meeting says the owner knows them) instead of an error. */
  createsContact?: boolean;
  act: (ctx: RunContext, r: Resolved<A>) => Promise<R | Failure> | R | Failure;
  answer: Texts<R>;
  usage: VerbEntry["usage"];
  help: VerbEntry["help"];
}

/** Args for verbs that take no words after the person: "done 1 2" is two items on one line. */
function noArgs<V extends "done" | "never" | "private" | "professional">(verb: V) {
  return (rest: string[]): { verb: V } | ParseError => {
    if (rest.length === 0) return { verb };
    const text = rest.join(" ");
    if (rest.every((w) => ITEM.test(w))) return { error: "one-item-per-line", verb, word: text };
    return { error: "extra-words", verb, word: text };
  };
}

/** Splits a named contact's words from what follows: the last word of "forget Anna Holm confirm" is no name. */
export function nameSplits(verb: ContactVerb, words: string[]): Array<{ name: string[]; rest: string[] }> {
  const spec = SPECS.find((s) => s.verb === verb);
  if (!spec?.takesArgs) {
    const last = words[words.length - 1];
    if (verb === "forget" && words.length > 1 && CONFIRM_WORDS.has(stripPunctuation(last).toLowerCase())) {
      return [{ name: words.slice(0, -1), rest: [last] }];
    }
    return [{ name: words, rest: [] }];
  }
  const splits = [];
  for (let n = Math.min(MAX_NAME_WORDS, words.length - 1); n >= 1; n--) splits.push({ name: words.slice(0, n), rest: words.slice(n) });
  return splits;
}

/** The arguments that follow a contact, for each contact verb. */
export function contactArgs(verb: ContactVerb, rest: string[]): ContactArgs | ParseError {
  const spec = SPECS.find((s) => s.verb === verb);
  if (!spec) throw new Error(`${verb} is not a contact verb`);
  return spec.args(rest);
}

/** The person a row belongs to: itself, or the contact its address was merged into (`same`). */
function personOf(ctx: RunContext, row: Contact): Contact {
  return row.mergedInto === null ? row : (ctx.people.get(row.mergedInto) ?? row);
}

function resolve<A extends ContactArgs>(spec: ContactSpec<A, Done>, ctx: RunContext, command: ContactCommand<A>): Resolved<A> | Failure {
  const { target } = command;
  if (target.kind === "item") {
    if (!ctx.token.valid) return { code: "no-digest" };
    const item = ctx.token.items.find((i) => i.number === target.number);
    if (!item) return { code: "no-item", number: target.number, count: ctx.token.items.length };
    const contact = personOf(ctx, item.contact);
    return { contact, address: contact.address, item, args: command.args! };
  }
  if (target.kind === "address") {
    const row = ctx.byAddress.get(target.address);
    const contact = row ? personOf(ctx, row) : null;
    if (contact || spec.createsContact) return { contact, address: target.address, item: null, args: command.args! };
    return { code: "not-found", ref: target.address };
  }
  const splits = nameSplits(command.verb, target.words);
  for (const split of splits) {
    const found = contactsNamed(ctx.named, split.name);
    if (found.length === 0) continue;
    if (found.length > 1) {
      return { code: "ambiguous", ref: split.name.join(" "), candidates: found.slice(0, MAX_CANDIDATES).map(who) };
    }
    const args = spec.args(split.rest);
    if ("error" in args) return { code: args.error, verb: args.verb, word: args.word };
    const contact = personOf(ctx, found[0]);
    return { contact, address: contact.address, item: null, args };
  }
  return { code: "not-found", ref: (splits[splits.length - 1]?.name ?? target.words).join(" ") };
}

function contactVerb<A extends ContactArgs, R extends Done>(spec: ContactSpec<A, R>): VerbEntry {
  return defineVerb<Command, R>({
    verb: spec.verb,
    words: spec.words,
    phase: "batch",
    parse: (rest) => {
      const verb = spec.verb;
      if (rest.length === 0) return { error: "missing-target", verb };
      const t = target(rest[0]);
      if ("error" in t) return { ...t, verb };
      if (t.kind === "name") return { verb, target: { kind: "name", words: rest }, args: null };
      const args = spec.args(rest.slice(1));
      return "error" in args ? args : ({ verb, target: t, args } as Command);
    },
    needs: (command) => {
      const { target } = command as ContactCommand<A>;
      return {
        addresses: target.kind === "address" ? [target.address] : [],
        names: target.kind === "name" ? nameSplits(spec.verb, target.words).map((s) => s.name) : [],
        items: target.kind === "item",
      };
    },
    run: async (ctx, command) => {
      const r = resolve(spec as unknown as ContactSpec<A, Done>, ctx, command as ContactCommand<A>);
      if ("code" in r) return r;
      if (r.contact && ctx.gone.has(r.contact.id)) return { code: "already-forgotten", who: who(r.contact) };
      if (!r.contact && ctx.run.ownAddresses.includes(r.address)) return { code: "own-address", word: r.address };
      return spec.act(ctx, r);
    },
    answer: spec.answer,
    usage: spec.usage,
    help: spec.help,
  });
}

/** The person a line is about, created first in the batch when the verb makes new contacts. */
function ensureContact(ctx: RunContext, r: Resolved<ContactArgs>, vouched: boolean): { id: number | null; who: Who } {
  if (r.contact) return { id: r.contact.id, who: who(r.contact) };
  ctx.statements.push(contactCreateStatement(ctx.run.d1, ctx.run.owner.id, r.address, ctx.run.now, vouched));
  return { id: null, who: { name: null, address: r.address } };
}

const SPECS: ContactSpec<ContactArgs, Done>[] = [];
function add<A extends ContactArgs, R extends Done>(spec: ContactSpec<A, R>): VerbEntry {
  SPECS.push(spec as unknown as ContactSpec<ContactArgs, Done>);
  return contactVerb(spec);
}

type DoneOf<K extends Done["code"]> = Extract<Done, { code: K }>;

const done = add<{ verb: "done" }, DoneOf<"done">>({
  verb: "done",
  words: { en: ["done"], da: ["færdig", "faerdig", "klaret"] },
  takesArgs: false,
  args: noArgs("done"),
  act: (ctx, r) => {
    ctx.statements.push(markDone(ctx.run.d1, ctx.run.owner.id, r.contact!.id, ctx.run.now));
    return { code: "done", who: who(r.contact!), item: r.item?.number ?? null };
  },
  answer: {
    en: (r) => `${short(r.who)}: ${r.item === null ? "everything marked as handled" : "marked as handled"}`,
    da: (r) => `${short(r.who)}: ${r.item === null ? "alt markeret som klaret" : "markeret som klaret"}`,
  },
  usage: { en: "done 2", da: "færdig 2" },
  help: { en: ["  done 2                         item 2 is handled"], da: ["  færdig 2                       punkt 2 er klaret"] },
});

const snooze = add<{ verb: "snooze"; when: string }, DoneOf<"snoozed">>({
  verb: "snooze",
  words: { en: ["snooze"], da: ["udsæt", "udsaet"] },
  takesArgs: true,
  args: (rest) => (rest.length ? { verb: "snooze", when: rest.join(" ").trim() } : { error: "missing-argument", verb: "snooze" }),
  act: async (ctx, r) => {
    const when = await parseSnoozeDate(r.args.when, ctx.run.now, ctx.timeZone);
    if (!when.ok) return { code: "bad-date", reason: when.reason, word: r.args.when };
    ctx.statements.push(setContactField(ctx.run.d1, ctx.run.owner.id, r.contact!.id, "snoozedUntil", when.until, ctx.run.now));
    return { code: "snoozed", who: who(r.contact!), until: when.until };
  },
  answer: {
    en: (r, tz) => `${short(r.who)}: snoozed until ${longDate(r.until, tz, "en")}`,
    da: (r, tz) => `${short(r.who)}: udsat til ${longDate(r.until, tz, "da")}`,
  },
  usage: { en: "snooze 3 2w", da: "udsæt 3 2w" },
  help: {
    en: ["  snooze 3 2w                    remind me of item 3 in two weeks", "  snooze anna@x.dk until 1 march"],
    da: ["  udsæt 3 2w                     mind mig om punkt 3 om to uger", "  udsæt anna@x.dk til 1. marts"],
  },
});

const never = add<{ verb: "never" }, DoneOf<"muted">>({
  verb: "never",
  words: { en: ["never", "mute"], da: ["aldrig"] },
  takesArgs: false,
  args: noArgs("never"),
  act: (ctx, r) => {
    ctx.statements.push(setContactField(ctx.run.d1, ctx.run.owner.id, r.contact!.id, "muted", true, ctx.run.now));
    return { code: "muted", who: who(r.contact!) };
  },
  answer: {
    en: (r) => `${short(r.who)}: will never be suggested again`,
    da: (r) => `${short(r.who)}: bliver aldrig foreslået igen`,
  },
  usage: { en: "never 4", da: "aldrig 4" },
  help: { en: ["  never 4                        never suggest this person again"], da: ["  aldrig 4                       foreslå aldrig denne person igen"] },
});

const note = add<{ verb: "note"; text: string }, DoneOf<"noted">>({
  verb: "note",
  words: { en: ["note"], da: ["notat"] },
  takesArgs: true,
  createsContact: true,
  args: (rest) => {
    const text = rest.join(" ").trim();
    return text ? { verb: "note", text: text.slice(0, MAX_NOTE_CHARS) } : { error: "missing-argument", verb: "note" };
  },
  act: (ctx, r) => {
    // A note on someone new says the owner knows them: they join the network as if introduced.
    const person = ensureContact(ctx, r, true);
    ctx.statements.push(addNote(ctx.run.d1, ctx.run.owner.id, person.id ?? r.address, r.args.text, ctx.run.messageId, ctx.run.now));
    return { code: "noted", who: person.who, created: person.id === null };
  },
  answer: {
    en: (r) => `${short(r.who)}: note added${r.created ? " (a new contact)" : ""}`,
    da: (r) => `${short(r.who)}: note tilføjet${r.created ? " (en ny kontakt)" : ""}`,
  },
  usage: { en: "note anna@x.dk met at Founders Friday", da: "note anna@x.dk mødt til Founders Friday" },
  help: { en: ["  note anna@x.dk met at Founders Friday"], da: ["  note anna@x.dk mødt til Founders Friday"] },
});

const met = add<{ verb: "met"; words: string[] }, DoneOf<"met">>({
  verb: "met",
  // Only words that read as this command: "called Anna yesterday, she says hi" is prose, not a meeting.
  words: { en: ["met"], da: ["mødt", "moedt", "mødte"] },
  takesArgs: true,
  createsContact: true,
  args: (rest) => ({ verb: "met", words: rest }),
  act: async (ctx, r) => {
    const when = await parseMetDate(r.args.words, ctx.run.now, ctx.timeZone);
    if (!when.ok) return { code: "bad-date", reason: when.reason, word: when.word };
    const person = ensureContact(ctx, r, false);
    const what = when.rest ? when.rest.slice(0, MAX_NOTE_CHARS) : null;
    const { db, meetingD1Statements } = await rareCommandQueries(ctx.run.d1);
    ctx.statements.push(
      ...meetingD1Statements(db, ctx.run.owner.id, {
        address: r.address,
        at: when.at,
        title: what,
        name: null,
        source: "command",
        key: `${ctx.run.messageId ?? `command-${ctx.run.now}`}#${ctx.statements.length}`,
        now: ctx.run.now,
      }),
    );
    return { code: "met", who: person.who, at: when.at, what, created: person.id === null };
  },
  answer: {
    en: (r, tz) =>
      `${short(r.who)}: met on ${shortDate(r.at, tz, "en")}${r.what ? ` (${r.what.slice(0, 40)})` : ""}, counted as contact${r.created ? "; a new contact" : ""}`,
    da: (r, tz) =>
      `${short(r.who)}: mødt ${shortDate(r.at, tz, "da")}${r.what ? ` (${r.what.slice(0, 40)})` : ""}, regnet som kontakt${r.created ? "; en ny kontakt" : ""}`,
  },
  usage: { en: "met anna@x.dk on tuesday coffee at Paludan", da: "mødt Anna i går kaffe på Paludan" },
  help: {
    en: ["  met anna@x.dk on tuesday coffee at Paludan    a meeting or call outside mail (date: today if none)"],
    da: ["  mødt Anna i går kaffe på Paludan              et møde eller opkald uden for mail (dato: i dag hvis ingen)"],
  },
});

const cadence = add<{ verb: "cadence"; days: number | null }, DoneOf<"cadence">>({
  verb: "cadence",
  words: { en: ["cadence"], da: ["kadence"] },
  takesArgs: true,
  args: (rest) => {
    const text = rest.join(" ").trim();
    if (!text) return { error: "missing-argument", verb: "cadence" };
    const days = parseCadence(text);
    return days === undefined ? { error: "bad-cadence", verb: "cadence", word: text } : { verb: "cadence", days };
  },
  act: (ctx, r) => {
    ctx.statements.push(setContactField(ctx.run.d1, ctx.run.owner.id, r.contact!.id, "cadenceDays", r.args.days, ctx.run.now));
    return { code: "cadence", who: who(r.contact!), days: r.args.days };
  },
  answer: {
    en: (r) => `${short(r.who)}: ${r.days === null ? "back to the rhythm worked out from your mail" : `in touch ${cadenceText(r.days, "en")}`}`,
    da: (r) => `${short(r.who)}: ${r.days === null ? "tilbage til rytmen udledt af dine mails" : `i kontakt ${cadenceText(r.days, "da")}`}`,
  },
  usage: { en: "cadence anna@x.dk monthly", da: "kadence anna@x.dk månedlig" },
  help: { en: ['  cadence anna@x.dk monthly      or "every 6 weeks", "off"'], da: ['  kadence anna@x.dk månedlig     eller "hver 6. uge", "automatisk"'] },
});

function circleVerb(verb: "private" | "professional", words: VerbEntry["words"], usage: VerbEntry["usage"], help: VerbEntry["help"]) {
  return add<{ verb: typeof verb }, DoneOf<"circle">>({
    verb,
    words,
    takesArgs: false,
    args: noArgs(verb),
    act: (ctx, r) => {
      ctx.statements.push(setContactField(ctx.run.d1, ctx.run.owner.id, r.contact!.id, "circle", verb, ctx.run.now));
      return { code: "circle", who: who(r.contact!), circle: verb };
    },
    answer: {
      en: (r) => `${short(r.who)}: now in your ${r.circle === "private" ? "private" : "work"} circle`,
      da: (r) => `${short(r.who)}: nu i din ${r.circle === "private" ? "private" : "faglige"} kreds`,
    },
    usage,
    help,
  });
}

const privateCircle = circleVerb(
  "private",
  { en: ["private"], da: ["privat"] },
  { en: "private anna@x.dk", da: "privat anna@x.dk" },
  { en: ["  private anna@x.dk              move to your private circle"], da: ["  privat anna@x.dk               flyt til din private kreds"] },
);
const professionalCircle = circleVerb(
  "professional",
  { en: ["professional", "work"], da: ["faglig", "professionel", "arbejde"] },
  { en: "professional anna@x.dk", da: "faglig anna@x.dk" },
  { en: ["  professional anna@x.dk         move to your work circle"], da: ["  faglig anna@x.dk               flyt til din faglige kreds"] },
);

const forget = add<{ verb: "forget"; confirmed: boolean }, DoneOf<"forget-ask" | "forgotten">>({
  verb: "forget",
  words: { en: ["forget"], da: ["glem"] },
  takesArgs: false,
  args: (rest) => {
    if (rest.length === 0) return { verb: "forget", confirmed: false };
    if (rest.length === 1 && CONFIRM_WORDS.has(stripPunctuation(rest[0]).toLowerCase())) return { verb: "forget", confirmed: true };
    return { error: "extra-words", verb: "forget", word: rest.join(" ") };
  },
  act: async (ctx, r) => {
    const contact = r.contact!;
    if (!r.args.confirmed) return { code: "forget-ask", who: who(contact) };
    // A person is forgotten with every address they have.
    const counts = { interactions: 0, notes: 0 };
    const { db, forgetContact, historyCounts, personGroup } = await rareCommandQueries(ctx.run.d1);
    for (const row of await personGroup(db, ctx.run.owner.id, contact.id)) {
      const n = await historyCounts(db, ctx.run.owner.id, row.id);
      counts.interactions += n.interactions;
      counts.notes += n.notes;
      ctx.statements.push(...forgetContact(db, ctx.run.owner.id, row.id));
      ctx.gone.add(row.id);
    }
    return { code: "forgotten", who: who(contact), ...counts };
  },
  answer: {
    en: (r) =>
      r.code === "forget-ask"
        ? `this deletes ${person(r.who)} with all their mail and notes, and cannot be undone. To go ahead, reply with: forget ${r.who.address} confirm`
        : `${person(r.who)} deleted, with ${r.interactions} mails and ${r.notes} notes. If they write again they become a contact again; "ignore ${r.who.address}" prevents that`,
    da: (r) =>
      r.code === "forget-ask"
        ? `det sletter ${person(r.who)} med alle mails og noter, og kan ikke fortrydes. Svar med denne linje for at fortsætte: glem ${r.who.address} bekræft`
        : `${person(r.who)} er slettet, med ${r.interactions} mails og ${r.notes} noter. Skriver personen igen, bliver de en kontakt igen; "ignorer ${r.who.address}" forhindrer det`,
  },
  usage: { en: "forget anna@x.dk", da: "glem anna@x.dk" },
  help: { en: ["  forget anna@x.dk               delete a person with all their mail and notes"], da: ["  glem anna@x.dk                 slet en person med alle mails og noter"] },
});

export const contactVerbs = { done, snooze, never, note, met, cadence, private: privateCircle, professional: professionalCircle, forget };
