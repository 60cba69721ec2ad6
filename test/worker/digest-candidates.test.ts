// The digest reads only the contacts that can be due (the contact row's due columns, selected by index). The
// columns are lower bounds: for any network, any day and any owner settings, the digest planned from those
// candidates must be the digest planned from every contact. Checked on a generated network of 1,500 contacts
// whose aggregates cover every section, over six months of weekly digests.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { seedNetwork } from "../../bench/support/seed";
import { getDb } from "../../src/db/client";
import { candidatesQuery } from "../../src/db/digests";
import { foldPeople } from "../../src/db/people";
import { digestPeople } from "../../src/digest/run";
import { findOwnerById, updateOwnerSettings } from "../../src/db/owners";
import { contacts, type Contact, type Owner } from "../../src/db/schema";
import { planDigest } from "../../src/digest/decide";
import { eq } from "drizzle-orm";
import { seedOwner } from "../support/owners";

const NOW = Date.parse("2026-11-16T07:00:00Z");
const WEEK = 7 * 86_400_000;
let ownerId: number;
let everyone: Contact[];

async function owner(): Promise<Owner> {
  return (await findOwnerById(getDb(env.DB), ownerId))!;
}

beforeAll(async () => {
  ownerId = (await seedOwner("big@example.com", "big-token")).id;
  await seedNetwork(env.DB, ownerId, { contacts: 1500, interactions: 20_000, seed: 42 }, NOW);
  // Some ties met in person (a meeting counts both ways), and a few people with a second address (`same`).
  await env.DB.prepare("update contacts set meeting_count = id % 3 where owner_id = ?").bind(ownerId).run();
  await env.DB.prepare("update contacts set merged_into = id - 1 where owner_id = ? and id % 97 = 0").bind(ownerId).run();
  everyone = foldPeople(await getDb(env.DB).select().from(contacts).where(eq(contacts.ownerId, ownerId)));
});

describe("digest candidates", () => {
  it("plan the same digest as every contact would, week after week, and read a fraction of the network", async () => {
    const o = await owner();
    for (let week = -8; week <= 18; week++) {
      const now = NOW + week * WEEK;
      const candidates = await digestPeople(getDb(env.DB), o, now);
      expect(planDigest({ ...candidates, owner: o, now }), `week ${week}`).toEqual(planDigest({ contacts: everyone, owner: o, now }));
      // Every sectioned person, not just the ten shown: what the caps left out is counted in the digest too.
      const all = { perSection: 10_000, total: 10_000 };
      expect(planDigest({ ...(await digestPeople(getDb(env.DB), o, now, all.perSection)), owner: o, now, caps: all })).toEqual(
        planDigest({ contacts: everyone, owner: o, now, caps: all }),
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
        expect(planDigest({ ...(await digestPeople(getDb(env.DB), o, now, all.perSection)), owner: o, now, caps: all })).toEqual(
          planDigest({ contacts: everyone, owner: o, now, caps: all }),
        );
        expect(planDigest({ ...(await digestPeople(getDb(env.DB), o, now)), owner: o, now })).toEqual(planDigest({ contacts: everyone, owner: o, now }));
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
});
