// The digest reads only the contacts that can be due (the contact row's due columns, selected by index). The
// columns are lower bounds: for any network, any day and any owner settings, the digest planned from those
// candidates must be the digest planned from every contact. Checked on a generated network of 1,500 contacts
// whose aggregates cover every section, over six months of weekly digests.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { seedNetwork } from "../../bench/support/seed";
import { getDb } from "../../src/db/client";
import { candidatesQuery, finishDigest } from "../../src/db/digest-store";
import { createDigest } from "../../src/db/digests";
import { foldPeople, namesakesOf, newcomersOf } from "../../src/db/people-read";
import { pairKeys, sameSuggestions } from "../../src/digest/newcomers";
import { explainCalls, meterD1 } from "../../bench/support/d1-meter";
import { localKey, nameKey } from "../../src/names";
import { digestPeople } from "../../src/digest/run";
import { findOwnerById } from "../../src/db/owner-lookup";
import { readOne } from "../../src/db/statements";
import { updateOwnerSettings } from "../../src/db/owners";
import { contacts, type Contact, type Owner } from "../../src/db/schema";
import { planDigest } from "../../src/digest/decide";
import { localDayEnd } from "../../src/digest/schedule";
import { eq } from "drizzle-orm";
import { seedOwner } from "../support/owners";

const NOW = Date.parse("2026-11-16T07:00:00Z");
const WEEK = 7 * 86_400_000;
let ownerId: number;
let everyone: Contact[];

async function owner(): Promise<Owner> {
  return (await findOwnerById(env.DB, ownerId))!;
}

beforeAll(async () => {
  ownerId = (await seedOwner("big@example.com", "big-token")).id;
  await seedNetwork(env.DB, ownerId, { contacts: 1500, interactions: 20_000, seed: 42 }, NOW);
  // Some ties met in person (a meeting counts both ways), and a few people with a second address (`same`).
  await env.DB.prepare("update contacts set meeting_count = id % 3 where owner_id = ?").bind(ownerId).run();
  await env.DB.prepare("update contacts set merged_into = id - 1 where owner_id = ? and id % 97 = 0").bind(ownerId).run();
  // For some people the owner's latest mail only promised an answer (promised_at): the help stake reads it in SQL as
  // decide.ts does, kept or unkept, with and without a later mail of theirs.
  await env.DB.prepare("update contacts set promised_at = last_outbound_at where owner_id = ? and id % 5 = 0 and last_outbound_at is not null").bind(ownerId).run();
  // Some state their rhythm in words (stated_cadence_days): below the owner's settings, above the inferred one, in SQL as in decide.ts.
  await env.DB.prepare("update contacts set stated_cadence_days = case id % 3 when 0 then 30 else 14 end where owner_id = ? and id % 7 = 0").bind(ownerId).run();
  everyone = foldPeople(await getDb(env.DB).select().from(contacts).where(eq(contacts.ownerId, ownerId)));
});

describe("digest candidates", () => {
  it("plan the same digest as every contact would, week after week, and read a fraction of the network", async () => {
    const o = await owner();
    for (let week = -8; week <= 18; week++) {
      const now = NOW + week * WEEK;
      const candidates = await digestPeople(env.DB, o, now);
      expect(planDigest({ ...candidates, owner: o, now }), `week ${week}`).toEqual(planDigest({ contacts: everyone, owner: o, now, followUpsDueBy: localDayEnd(now, o.timeZone) }));
      // Every sectioned person, not just the ten shown: what the caps left out is counted in the digest too.
      const all = { perSection: 10_000, total: 10_000 };
      expect(planDigest({ ...(await digestPeople(env.DB, o, now, all.perSection)), owner: o, now, caps: all })).toEqual(
        planDigest({ contacts: everyone, owner: o, now, followUpsDueBy: localDayEnd(now, o.timeZone), caps: all }),
      );
      // The candidates are ranked in D1: only the few that can make their section are read.
      expect(candidates.contacts.length).toBeLessThan(60);
    }
  });

  it("still do when the owner sets a rhythm per circle, shorter or longer than the inferred one", async () => {
    for (const [professional, privat] of [[7, 30], [200, 14], [null, 3]] as const) {
      await updateOwnerSettings(getDb(env.DB), ownerId, { cadenceProfessionalDays: professional, cadencePrivateDays: privat });
      const o = await owner();
      for (const week of [0, 3, 10]) {
        const now = NOW + week * WEEK;
        const all = { perSection: 10_000, total: 10_000 };
        expect(planDigest({ ...(await digestPeople(env.DB, o, now, all.perSection)), owner: o, now, caps: all })).toEqual(
          planDigest({ contacts: everyone, owner: o, now, followUpsDueBy: localDayEnd(now, o.timeZone), caps: all }),
        );
        expect(planDigest({ ...(await digestPeople(env.DB, o, now)), owner: o, now })).toEqual(planDigest({ contacts: everyone, owner: o, now, followUpsDueBy: localDayEnd(now, o.timeZone) }));
      }
    }
  });

  it("are found by index, never by reading every contact", async () => {
    const { query, params } = candidatesQuery(ownerId, { cadenceProfessionalDays: 30, cadencePrivateDays: 14, followUpDays: 7 }, NOW);
    const plan = await env.DB.prepare(`explain query plan ${query}`).bind(...params).all<{ detail: string }>();
    // Every read of the contacts table is an index search: the candidates by their due columns (one index per OR
    // term, people with several addresses left out), the few that can be shown read in full by id, then the rows
    // of people with several addresses. The ranking and the counts are worked out inside D1.
    expect(plan.results.map((r) => r.detail.replace(/ \(.*\)$/, "")).filter((d) => / contacts /.test(`${d} `))).toEqual([
      "SEARCH contacts USING INDEX contacts_owner_debt_until",
      "SEARCH contacts USING INDEX contacts_owner_quiet_at",
      "SEARCH contacts USING INDEX contacts_owner_quiet_from",
      "SEARCH contacts USING INDEX contacts_owner_quiet_from",
      "SEARCH contacts USING COVERING INDEX contacts_owner_merged_into",
      "SEARCH contacts USING INTEGER PRIMARY KEY",
      "SEARCH contacts USING INDEX contacts_owner_merged_into",
      "SEARCH contacts USING COVERING INDEX contacts_owner_merged_into",
      "SEARCH contacts USING INTEGER PRIMARY KEY",
    ]);
  });

  it("ask whether a newcomer is someone known by reading the newcomers and their namesakes, not the network", async () => {
    // Namesakes the seed does not make: a name turned round, an address that spells it, "Holm, Nina" (not a
    // pair: the question compares names as written), and a newcomer known only by an address.
    const day = 86_400_000;
    const people: Array<[string, string | null, number]> = [
      ["nina@newco.io", "Nina Holm", NOW - 2 * day],
      ["nh@holm.dk", "Holm Nina", NOW - 400 * day],
      ["nina.holm.7@gmail.com", null, NOW - 300 * day],
      ["n@comma.dk", "Holm, Nina", NOW - 200 * day],
      ["bo.berg@startup.dk", null, NOW - 3 * day],
    ];
    for (const [address, name, at] of people) {
      await env.DB.prepare(
        "insert into contacts (owner_id, address, name, name_key, local_key, first_at, last_at, first_outbound_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      )
        .bind(ownerId, address, name, nameKey(name), localKey(address), at, at, at, at, at)
        .run();
    }
    const all = (await getDb(env.DB).select().from(contacts).where(eq(contacts.ownerId, ownerId)))
      .filter((c) => c.mergedInto === null && !c.muted)
      .sort((a, b) => a.id - b.id);
    for (let week = -3; week <= 0; week++) {
      const now = NOW + week * WEEK;
      const meter = meterD1(env.DB);
      const notes = await namesakesOf(meter.db, ownerId, await readOne(newcomersOf(meter.db, ownerId, now)));
      expect(notes.newcomers.length, `week ${week}`).toBeGreaterThan(0);
      // The same questions as from everyone, and every person who would pair with a newcomer was read.
      expect(sameSuggestions(notes.newcomers, notes.sameNamed), `week ${week}`).toEqual(sameSuggestions(notes.newcomers, all));
      const read = new Set(notes.sameNamed.map((c) => c.id));
      for (const n of notes.newcomers) {
        for (const c of all) if (sameSuggestions([n], [n, c]).length) expect(read.has(c.id), `${n.address} ~ ${c.address}`).toBe(true);
      }
      // The namesakes are read by index, in one statement however many newcomers: a few rows per name looked
      // up (its json_each value, the index probe) and per person found (the index entry and the row, by name
      // and by local part). Before, this read every person in the network.
      const [, lookups] = meter.calls;
      expect(lookups.statements).toHaveLength(1);
      expect(lookups.rowsRead).toBeLessThanOrEqual(5 * (notes.sameNamed.length + pairKeys(notes.newcomers).length));
      expect(notes.sameNamed.length).toBeLessThan(all.length / 10);
      const plans = (await explainCalls(env.DB, [lookups])).flatMap((p) => p.plan.map((d) => d.replace(/ \(.*\)$/, "")));
      expect([...new Set(plans.filter((d) => / contacts /.test(`${d} `)))].sort()).toEqual([
        "SEARCH contacts USING INDEX contacts_owner_local_key",
        "SEARCH contacts USING INDEX contacts_owner_name_key",
      ]);
      expect(plans.filter((d) => /^SCAN/.test(d) && !/json_each/.test(d))).toEqual([]);
    }
  });
});

describe("marking what a digest showed", () => {
  it("is one statement for all the items, through each contact's key, not the network", async () => {
    const db = getDb(env.DB);
    const shown = everyone.slice(0, 10);
    const digest = await createDigest(db, { ownerId, isoWeek: "2026-W47", sentAt: NOW, subject: "" });
    const items = shown.map((c, i) => ({ number: i + 1, kind: "reconnect" as const, contactId: c.id, circle: c.circle, evidenceAt: i % 2 ? NOW - i : null, evidenceSubject: null }));
    const meter = meterD1(env.DB);
    await finishDigest(meter.db, { ownerId, digestId: digest.id, messageId: "<d@x>", subject: "s", sentAt: NOW, weekly: null, items });
    const [batch] = meter.calls;
    const updates = batch.statements.filter((s) => /^update "contacts"/.test(s.sql));
    expect(updates).toHaveLength(1);
    const plans = (await explainCalls(env.DB, [{ ...batch, statements: updates }])).flatMap((p) => p.plan);
    expect(plans.filter((d) => /^SCAN contacts|USING INDEX contacts_owner/.test(d))).toEqual([]);
    // A few rows per item (its json_each value, its contact, the indexes the write touches), whatever the network.
    expect(batch.rowsRead).toBeLessThan(15 * items.length);
    const after = await db.select().from(contacts).where(eq(contacts.ownerId, ownerId));
    for (const [i, c] of shown.entries()) {
      const row = after.find((r) => r.id === c.id)!;
      expect([row.shownSection, row.shownEvidenceAt, row.lastShownAt]).toEqual(["reconnect", items[i].evidenceAt, NOW]);
    }
  });
});
