// Requests and commands whose cost must not grow with the whole network: the contact list pages, and forget reads
// only the forgotten person's history. Networks are generated straight into local D1 (bench/support/seed.ts).
import { createExecutionContext, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { seedNetwork } from "../../bench/support/seed";
import { COMMAND_SQL } from "../../src/db/command-sql";
import { HOT_SQL } from "../../src/db/hot-sql";
import { forgetContact, forgetQueries } from "../../src/db/commands";
import { getDb } from "../../src/db/client";
import { findOwnerById } from "../../src/db/owner-lookup";
import { exportOwnerData } from "../../src/export";
import worker from "../../src/index";
import { seedOwner } from "../support/owners";

const NOW = Date.parse("2026-11-16T07:00:00Z");
let ownerId: number;

async function api(path: string, token = "page-token") {
  return worker.fetch(new Request(`http://x${path}`, { headers: { authorization: `Bearer ${token}` } }), env, createExecutionContext());
}

beforeAll(async () => {
  ownerId = (await seedOwner("pager@example.com", "page-token")).id;
  await seedOwner("other@example.com", "other-token");
  await seedNetwork(env.DB, ownerId, { contacts: 250, interactions: 5_000, seed: 7 }, NOW);
});

describe("GET /api/contacts", () => {
  it("pages by address with ?limit= and the cursor from each page's Link header, until the last page has none", async () => {
    const seen: string[] = [];
    let path: string | null = "/api/contacts?limit=100";
    const sizes: number[] = [];
    while (path) {
      const res = await api(path);
      expect(res.status).toBe(200);
      const page = (await res.json()) as Array<{ address: string }>;
      sizes.push(page.length);
      seen.push(...page.map((c) => c.address));
      path = res.headers.get("link")?.match(/^<([^>]+)>; rel="next"$/)?.[1] ?? null;
    }
    // 250 contacts: 100 + 100 + 50; the last page has no Link.
    expect(sizes).toEqual([100, 100, 50]);
    const all = await env.DB.prepare("select address from contacts where owner_id = ? order by address").bind(ownerId).all<{ address: string }>();
    expect(seen).toEqual(all.results.map((r) => r.address));
  });

  it("gives 100 by default, and refuses a bad limit or cursor with a reason", async () => {
    const res = await api("/api/contacts");
    expect(((await res.json()) as unknown[]).length).toBe(100);
    expect(res.headers.get("link")).toMatch(/^<\/api\/contacts\?limit=100&cursor=[A-Za-z0-9_-]+>; rel="next"$/);
    for (const bad of ["limit=0", "limit=1001", "limit=ten", "limit=2.5"]) {
      const r = await api(`/api/contacts?${bad}`);
      expect(r.status, bad).toBe(400);
      expect(await r.json()).toEqual({ error: "bad-limit", message: "limit must be a whole number from 1 to 1000." });
    }
    expect((await api("/api/contacts?cursor=%FF%FE")).status).toBe(400);
  });

  it("never pages into another owner's contacts", async () => {
    const res = await api("/api/contacts?limit=1000", "other-token");
    expect(await res.json()).toEqual([]);
    expect(res.headers.get("link")).toBeNull();
  });
});

describe("forget", () => {
  it("reads the forgotten person's rows by index, never the owner's other interactions", async () => {
    const { id } = (await env.DB.prepare("select id from contacts where owner_id = ? order by inbound_count + outbound_count desc limit 1").bind(ownerId).first<{ id: number }>())!;
    const db = getDb(env.DB);
    const plans: string[] = [];
    for (const statement of forgetQueries(db, ownerId, id)) {
      const { sql, params } = statement.toSQL();
      const plan = await env.DB.prepare(`explain query plan ${sql}`).bind(...params).all<{ detail: string }>();
      plans.push(...plan.results.map((r) => r.detail));
    }
    expect(plans.filter((d) => /\bSCAN (interactions|messages|contacts|notes)\b/.test(d))).toEqual([]);
    expect(plans.join("\n")).toContain("interactions_owner_message");

    const theirs = (await env.DB.prepare("select count(*) as n from interactions where owner_id = ? and contact_id = ?").bind(ownerId, id).first<{ n: number }>())!.n;
    const results = await env.DB.batch(forgetContact(db, ownerId, id));
    const rowsRead = results.reduce((s, r) => s + (r.meta?.rows_read ?? 0), 0);
    // Their interactions (once to find their messages, once per message to check for others, once to delete)
    // and their contact row: a small multiple of their history, not the owner's 5,000 interactions.
    expect(rowsRead).toBeLessThan(8 * theirs + 50);
    expect((await env.DB.prepare("select count(*) as n from interactions where contact_id = ?").bind(id).first<{ n: number }>())!.n).toBe(0);
  });
});

describe("the statements written ahead of time (hot-sql.ts, command-sql.ts)", () => {
  it("each reads and writes by index: no statement scans contacts, digests, digest items or notes", async () => {
    const plans: Record<string, string[]> = {};
    // (The digest's candidates, written by hand in digest-store.ts, walk the owner's due-time indexes on purpose:
    // digest-candidates.test.ts.)
    for (const [name, query] of [...Object.entries(HOT_SQL), ...Object.entries(COMMAND_SQL)]) {
      // The values do not change the plan: a number for an id or a time, a JSON list where a list goes, text elsewhere.
      const values = query.params.map((p) =>
        "v" in p ? p.v : /^(ids|addresses|nameKeys|localKeys|recipients|rows|shown)$/.test(p.p) ? '["a"]' : /(at|At|Id|id|now|from|to|since|value|Before)$/.test(p.p) ? 1 : "a",
      );
      const plan = await env.DB.prepare(`explain query plan ${query.sql}`).bind(...values).all<{ detail: string }>();
      plans[name] = plan.results.map((r) => r.detail);
    }
    expect(Object.keys(plans).length).toBeGreaterThan(40);
    // Neither a scan nor the owner's whole slice of an index of contacts or notes (a search on owner_id alone reads
    // every contact they have). A thread's digest is looked for among the owner's digests newest first: one a week.
    const wide = Object.entries(plans).flatMap(([name, details]) =>
      details
        .filter((d) => /\bSCAN (contacts|digests|digest_items|notes)\b/.test(d) || /^SEARCH (contacts|digest_items|notes) .*\(owner_id=\?\)$/.test(d))
        .map((d) => `${name}: ${d}`),
    );
    expect(wide).toEqual([]);
    // The digest a reply answers: its items by (owner, digest), their people by key.
    expect(plans.digestItemsWithContacts.join("\n")).toMatch(/SEARCH contacts USING INTEGER PRIMARY KEY/);
    expect(plans.contactsWithIds.join("\n")).toMatch(/SEARCH contacts USING INTEGER PRIMARY KEY/);
    // A forward that names its sender without an address: the owner's contacts with that name, by name_key.
    expect(plans.contactsByName).toEqual(["SEARCH contacts USING INDEX contacts_owner_name_key (owner_id=? AND name_key=?)"]);
  });
});

describe("GET /api/export", () => {
  it("streams a page of contacts at a time, byte for byte the export built in memory", async () => {
    // Pages hold 500 contacts: 1,100 make three pages, the last one short.
    const exporter = (await seedOwner("exporter@example.com", "export-token")).id;
    await seedNetwork(env.DB, exporter, { contacts: 1_100, interactions: 6_000, seed: 8 }, NOW);
    await env.DB.prepare("insert into notes (owner_id, contact_id, body, source, created_at) select owner_id, id, 'Met at Founders Friday, \"loves\" ceramics', 'command', ? from contacts where owner_id = ? and id % 7 = 0")
      .bind(NOW, exporter)
      .run();
    await env.DB.prepare("insert into suppressions (owner_id, pattern, created_at) values (?, '@newsletter.com', ?)").bind(exporter, NOW).run();
    const owner = (await findOwnerById(env.DB, exporter))!;
    for (const format of ["json", "csv", "vcf"] as const) {
      const res = await api(`/api/export?format=${format}`, "export-token");
      expect(res.status).toBe(200);
      const streamed = await res.text();
      const exportedAt = format === "json" ? Date.parse((JSON.parse(streamed) as { exportedAt: string }).exportedAt) : NOW;
      const inMemory = await exportOwnerData(getDb(env.DB), owner.id, exportedAt);
      expect(streamed, format).toBe(inMemory[format]);
    }
    const contacts = (JSON.parse(await (await api("/api/export?format=json", "export-token")).text()) as { contacts: unknown[] }).contacts;
    expect(contacts).toHaveLength(1_100);
  });

  it("writes a well-formed empty export for an owner with no contacts", async () => {
    const res = await api("/api/export?format=json", "other-token");
    const body = (await res.text());
    expect(JSON.parse(body)).toMatchObject({ format: "gensidig-export", contacts: [], ignored: [] });
    const { exportOwnerData: inMemory } = await import("../../src/export");
    const other = (await env.DB.prepare("select id from owners where primary_address = 'other@example.com'").first<{ id: number }>())!.id;
    expect(body).toBe((await inMemory(getDb(env.DB), other, Date.parse(JSON.parse(body).exportedAt))).json);
  });
});
