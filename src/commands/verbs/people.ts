// One person, several addresses: `same` joins two contacts into one person, `split` gives an address back.
import { rareCommandQueries } from "../../db/drizzle-later";
import type { Done } from "../outcome";
import type { Command, ParseError } from "../parse";
import { defineVerb, type RunContext } from "../registry";
import { person, short } from "../texts";
import { addressWord } from "../words";
import { who } from "./contact";

type DoneOf<K extends Done["code"]> = Extract<Done, { code: K }>;
type CommandOf<V extends Command["verb"]> = Extract<Command, { verb: V }>;

function addresses(verb: "same" | "split", rest: string[], count: number): string[] | ParseError {
  if (rest.length < count) return { error: "missing-argument", verb };
  if (rest.length > count) return { error: "extra-words", verb, word: rest.slice(count).join(" ") };
  const out: string[] = [];
  for (const word of rest) {
    const address = addressWord(word);
    if (!address) return { error: "bad-address", verb, word };
    out.push(address);
  }
  return out;
}

/** The contact an address belongs to now: its person when it was merged into one. */
function personOf(ctx: RunContext, address: string) {
  const row = ctx.byAddress.get(address);
  if (!row || ctx.gone.has(row.id)) return null;
  return { row, person: row.mergedInto === null ? row : (ctx.people.get(row.mergedInto) ?? row) };
}

const same = defineVerb<CommandOf<"same">, DoneOf<"merged">>({
  verb: "same",
  words: { en: ["same", "merge"], da: ["samme", "flet"] },
  phase: "batch",
  parse: (rest) => {
    const list = addresses("same", rest, 2);
    if ("error" in list) return list;
    return list[0] === list[1] ? { error: "extra-words", verb: "same", word: rest[1] } : { verb: "same", addresses: [list[0], list[1]] };
  },
  needs: (c) => ({ addresses: c.addresses }),
  run: async (ctx, command) => {
    const [a, b] = command.addresses.map((address) => ({ address, found: personOf(ctx, address) }));
    for (const side of [a, b]) if (!side.found) return { code: "not-found", ref: side.address };
    const into = a.found!.person;
    const other = b.found!.person;
    if (into.id === other.id) return { code: "already-same", who: who(into), address: a.address === into.address ? b.address : a.address };
    const { db, mergeStatements } = await rareCommandQueries(ctx.run.d1);
    ctx.statements.push(...mergeStatements(db, ctx.run.owner.id, into.id, other.id, ctx.run.now));
    // Later lines of this mail find b's person through a.
    for (const [key, row] of ctx.byAddress) if (row.id === other.id || row.mergedInto === other.id) ctx.byAddress.set(key, { ...row, mergedInto: into.id });
    ctx.people.set(into.id, into);
    return { code: "merged", who: who(into), address: b.address };
  },
  answer: {
    en: (r) => `${person(r.who)} and ${r.address} are now one person: their mail, notes and open items count together. "split ${r.address}" undoes it`,
    da: (r) => `${person(r.who)} og ${r.address} er nu én person: mails, noter og åbne punkter tæller sammen. "adskil ${r.address}" fortryder det`,
  },
  usage: { en: "same anna@x.dk anna.holm@gmail.com", da: "samme anna@x.dk anna.holm@gmail.com" },
  help: {
    en: ["  same anna@x.dk anna.holm@gmail.com   one person with two addresses"],
    da: ["  samme anna@x.dk anna.holm@gmail.com  én person med to adresser"],
  },
});

const split = defineVerb<CommandOf<"split">, DoneOf<"split">>({
  verb: "split",
  words: { en: ["split", "unmerge"], da: ["adskil"] },
  phase: "batch",
  parse: (rest) => {
    const list = addresses("split", rest, 1);
    return "error" in list ? list : { verb: "split", address: list[0] };
  },
  needs: (c) => ({ addresses: [c.address] }),
  run: async (ctx, command) => {
    const found = personOf(ctx, command.address);
    if (!found) return { code: "not-found", ref: command.address };
    const { db, personGroup, splitStatements } = await rareCommandQueries(ctx.run.d1);
    if (found.row.mergedInto === null) {
      const group = await personGroup(db, ctx.run.owner.id, found.row.id);
      // The person's own address stays; the others are what can be split off.
      return { code: "not-merged", who: who(found.row), others: group.slice(1).map((r) => r.address) };
    }
    ctx.statements.push(...splitStatements(db, ctx.run.owner.id, found.row.id, found.row.mergedInto, ctx.run.now));
    ctx.byAddress.set(command.address, { ...found.row, mergedInto: null });
    return { code: "split", who: who(found.person), address: command.address };
  },
  answer: {
    en: (r) => `${r.address} is its own contact again, with its own mail; ${short(r.who)} keeps the rest`,
    da: (r) => `${r.address} er sin egen kontakt igen, med sine egne mails; ${short(r.who)} beholder resten`,
  },
  usage: { en: "split anna.holm@gmail.com", da: "adskil anna.holm@gmail.com" },
  help: {
    en: ["  split anna.holm@gmail.com      undo same: the address is its own contact again"],
    da: ["  adskil anna.holm@gmail.com     fortryd samme: adressen er sin egen kontakt igen"],
  },
});

export const peopleVerbs = { same, split };
