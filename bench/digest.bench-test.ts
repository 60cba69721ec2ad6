// Digest benchmark: what one owner's weekly digest costs in D1 (rows read, round trips) and in CPU (deciding
// and rendering), for a network of 5,000 contacts and 250,000 interactions next to one of 500 and 25,000.
// Both owners live in one database, so every figure also shows that no query strays into the other's rows.
// Run by hand: `npm run bench`. Results: console tables and bench/results/digest.json.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { candidatesQuery, digestCandidates } from "../src/db/digest-store";
import { findOwnerById } from "../src/db/owner-lookup";
import type { Owner } from "../src/db/schema";
import { planDigest, SECTION_ORDER } from "../src/digest/decide";
import { buildDigestMime } from "../src/digest/mime";
import { digestSubject, renderDigestHtml, renderDigestText, type DigestView } from "../src/digest/render";
import { digestView, loadDigestFacts, sendDigest } from "../src/digest/run";
import type { DigestPlan } from "../src/digest/types";
import { readConfig } from "../src/env";
import { recordingSendEmail, testEnv } from "../test/support/mail";
import { seedOwner } from "../test/support/owners";
import { cannedD1, type CannedResult } from "./support/canned-d1";
import { d1Cost, explainCalls, meterD1, scans, type D1Call, type QueryPlan } from "./support/d1-meter";
import { batchSize, max, median, ms, ratio, sample, table } from "./support/measure";
import "./support/meta";
import { seedNetwork, type NetworkShape, type SeededNetwork } from "./support/seed";

/** Monday 16 November 2026, 08:00 in Copenhagen: the default digest hour. */
const NOW = Date.parse("2026-11-16T07:00:00Z");
const RUNS = 10;
const SHAPES: Record<"small" | "large", NetworkShape> = {
  small: { contacts: 500, interactions: 25_000, seed: 500 },
  large: { contacts: 5_000, interactions: 250_000, seed: 5000 },
};
/**
 * "A small multiple of the contact count": the candidates query reads each contact that can be due by index, then
 * again as D1 ranks them (the sort and window per section), and only the few shown in full.
 */
const MAX_ROWS_READ_PER_CONTACT = 4;
/**
 * …and the digest's bookkeeping, whatever the network's size: the shown marks are one UPDATE … FROM json_each,
 * and SQLite counts the list's rows (one per item) with the rows they update.
 */
const MAX_ROWS_READ_PER_ITEM = 3;

interface Network {
  owner: Owner;
  seeded: SeededNetwork;
  seedMs: number;
}

const networks = {} as Record<"small" | "large", Network>;

beforeAll(async () => {
  for (const size of ["small", "large"] as const) {
    const created = await seedOwner(`${size}@example.com`, `${size}-token`, { name: size === "small" ? "Small Owner" : "Large Owner" });
    const start = performance.now();
    const seeded = await seedNetwork(env.DB, created.id, SHAPES[size], NOW);
    networks[size] = { owner: (await findOwnerById(env.DB, created.id))!, seeded, seedMs: performance.now() - start };
  }
});

/** The view sendDigest builds, from the same queries, so rendering can be timed on its own. */
async function benchView(owner: Owner, plan: DigestPlan): Promise<DigestView> {
  const facts = await loadDigestFacts(env.DB, owner, NOW);
  const config = readConfig(testEnv());
  // A real token is about this long: three numbers and an 80-bit MAC (src/digest/token.ts).
  return digestView(config, owner, { ...facts, plan }, `${config.assistantLocal}+7-ya-mx5s09s0-67recgxund5l4se5@${config.assistantDomain}`, NOW);
}

function mime(view: DigestView, text: string, html: string): string {
  return buildDigestMime({
    from: view.assistantAddress,
    to: "owner@example.com",
    replyTo: view.replyAddress,
    subject: digestSubject(view),
    text,
    html,
    messageId: "digest.00000000-0000-4000-8000-000000000000@example.com",
    date: new Date(NOW),
  });
}

/** What sendDigest does between planning and sending. */
function render(view: DigestView): string {
  return mime(view, renderDigestText(view), renderDigestHtml(view));
}

/** Undo what one sendDigest wrote, so every run meets the same state: last week's digest as the previous one. */
async function forgetDigest(digestId: number, ownerId: number) {
  await env.DB.batch([
    env.DB.prepare("DELETE FROM digest_items WHERE digest_id = ?").bind(digestId),
    env.DB.prepare("DELETE FROM digests WHERE id = ?").bind(digestId),
    env.DB.prepare("UPDATE owners SET last_digest_week = NULL WHERE id = ?").bind(ownerId),
  ]);
}

/** "select contacts", "insert digests": enough to tell the digest's few queries apart. */
function describeStatement(sql: string): string {
  const verb = sql.trim().split(/\s+/)[0].toLowerCase();
  const table = sql.match(/\b(?:from|into|update)\s+"?(\w+)"?/i)?.[1] ?? "?";
  return `${verb} ${table}`;
}

function queryRows(calls: D1Call[]) {
  return calls.map((c) => ({
    query: c.statements.map((s) => describeStatement(s.sql)).join(", "),
    method: c.method,
    rowsRead: c.rowsRead,
    rowsWritten: c.rowsWritten,
    sql: c.statements.map((s) => s.sql.replace(/\s+/g, " ")),
  }));
}

describe("weekly digest at 500 and 5,000 contacts", () => {
  it("reads contacts, not interactions, and costs at most linear CPU", async ({ task }) => {
    const config = readConfig(testEnv());
    const cost = {} as Record<
      "small" | "large",
      ReturnType<typeof d1Cost> & { calls: D1Call[]; perQuery: ReturnType<typeof queryRows>; plans: QueryPlan[]; items: number }
    >;
    for (const size of ["small", "large"] as const) {
      const { owner } = networks[size];
      const meter = meterD1(env.DB);
      const outbox = recordingSendEmail();
      const sent = await sendDigest(meter.db, outbox.binding, config, owner, NOW, null);
      expect(outbox.sent).toHaveLength(1);
      const calls = [...meter.calls];
      cost[size] = { ...d1Cost(calls), calls, perQuery: queryRows(calls), plans: await explainCalls(env.DB, calls), items: sent.items };
      await forgetDigest(sent.digestId, owner.id);
    }

    // Candidates per section: what the plan chose plus what the caps left out.
    const contacts = {
      small: await digestCandidates(env.DB, networks.small.owner.id, networks.small.owner, NOW),
      large: await digestCandidates(env.DB, networks.large.owner.id, networks.large.owner, NOW),
    };
    const plans = {
      small: planDigest({ ...contacts.small, owner: networks.small.owner, now: NOW }),
      large: planDigest({ ...contacts.large, owner: networks.large.owner, now: NOW }),
    };
    const candidates = (plan: DigestPlan) =>
      Object.fromEntries(SECTION_ORDER.map((s) => [s, plan.items.filter((i) => i.section === s).length + plan.leftOut[s]]));
    const views = { small: await benchView(networks.small.owner, plans.small), large: await benchView(networks.large.owner, plans.large) };

    // What the worker does with the 5,000 rows, apart from D1's own work: decode D1's JSON answer (the
    // binding receives columns and rows as JSON) and map each row to a contact object. The answer is the one
    // to the candidates query sendDigest ran, told by its SQL: other reads of contacts (the newcomers) run
    // beside it and may come first.
    const wire = {} as Record<"small" | "large", { json: string; canned: CannedResult }>;
    for (const size of ["small", "large"] as const) {
      const { query } = candidatesQuery(networks[size].owner.id, networks[size].owner, NOW);
      const statement = cost[size].calls.flatMap((c) => c.statements).find((s) => s.sql === query);
      if (!statement) throw new Error(`sendDigest did not run the candidates query for the ${size} owner`);
      const { sql, params } = statement;
      const [columns, ...rows] = await env.DB.prepare(sql)
        .bind(...params)
        .raw<unknown[]>({ columnNames: true });
      const canned: CannedResult = { sql, params, columns: columns as string[], rows };
      wire[size] = { json: JSON.stringify({ columns, rows }), canned };
      // The canned answer gives digestCandidates what local D1 gives it, so "map" times the production mapping.
      expect(await digestCandidates(cannedD1(canned), networks[size].owner.id, networks[size].owner, NOW)).toEqual(contacts[size]);
    }
    const pieces = {
      small: { text: renderDigestText(views.small), html: renderDigestHtml(views.small) },
      large: { text: renderDigestText(views.large), html: renderDigestHtml(views.large) },
    };

    // CPU, side by side. The candidates query on local D1 is wall time (SQLite runs in the same process).
    const bySize = <T>(f: (size: "small" | "large") => T) => ({ small: f("small"), large: f("large") });
    const ops: Record<string, { small: () => unknown; large: () => unknown }> = {
      decode: bySize((size) => () => JSON.parse(wire[size].json)),
      map: bySize((size) => () => digestCandidates(cannedD1(wire[size].canned), networks[size].owner.id, networks[size].owner, NOW)),
      plan: bySize((size) => () => planDigest({ ...contacts[size], owner: networks[size].owner, now: NOW })),
      text: bySize((size) => () => renderDigestText(views[size])),
      html: bySize((size) => () => renderDigestHtml(views[size])),
      mime: bySize((size) => () => mime(views[size], pieces[size].text, pieces[size].html)),
      render: bySize((size) => () => render(views[size])),
      load: bySize((size) => () => digestCandidates(env.DB, networks[size].owner.id, networks[size].owner, NOW)),
    };
    const samples: Record<string, Record<string, number[]>> = {};
    const batches: Record<string, Record<string, number>> = {};
    for (const [name, pair] of Object.entries(ops)) {
      samples[name] = { small: [], large: [] };
      batches[name] = { small: await batchSize(pair.small), large: await batchSize(pair.large) };
    }
    for (let r = 0; r < RUNS; r++) {
      for (const [name, pair] of Object.entries(ops)) {
        samples[name].small.push(await sample(pair.small, batches[name].small));
        samples[name].large.push(await sample(pair.large, batches[name].large));
      }
    }
    // The worker's own CPU for one digest, summed sample by sample: decode + map + plan + render.
    samples.cpu = bySize((size) => samples.decode[size].map((_, i) => ["decode", "map", "plan", "render"].reduce((sum, k) => sum + samples[k][size][i], 0)));
    batches.cpu = { small: 0, large: 0 };
    // The whole of sendDigest, D1 included (wall time: local D1 runs in the same process).
    samples.send = { small: [], large: [] };
    batches.send = { small: 1, large: 1 };
    for (let r = 0; r < RUNS; r++) {
      for (const size of ["small", "large"] as const) {
        const start = performance.now();
        const sent = await sendDigest(env.DB, recordingSendEmail().binding, config, networks[size].owner, NOW, null);
        samples.send[size].push(performance.now() - start);
        await forgetDigest(sent.digestId, networks[size].owner.id);
      }
    }

    const labels: Record<string, string> = {
      decode: "decode D1's JSON answer (contacts)",
      map: "map rows to contacts (digestCandidates)",
      plan: "planDigest (decide)",
      text: "renderDigestText",
      html: "renderDigestHtml",
      mime: "buildDigestMime",
      render: "render: subject + text + HTML + MIME",
      cpu: "worker CPU: decode + map + plan + render",
      load: "digestCandidates on local D1 (wall)",
      send: "sendDigest end to end (wall, local D1)",
    };
    const timing = table(
      ["step", "500 contacts ms", "5,000 contacts ms", "max at 5,000 ms", "ratio 5,000 ÷ 500", "K small/large"],
      Object.keys(labels).map((name) => [
        labels[name],
        ms(median(samples[name].small)),
        ms(median(samples[name].large)),
        ms(max(samples[name].large)),
        ratio(median(samples[name].large) / median(samples[name].small)),
        name === "cpu" ? "sum" : `${batches[name].small}/${batches[name].large}`,
      ]),
    );
    const d1 = table(
      ["owner", "contacts", "interactions", "round trips", "rows read", "rows read ÷ contacts", "rows read ÷ interactions", "rows written", "items"],
      (["small", "large"] as const).map((size) => [
        `${size}`,
        networks[size].seeded.contacts,
        networks[size].seeded.interactions,
        cost[size].roundTrips,
        cost[size].rowsRead,
        ratio(cost[size].rowsRead / networks[size].seeded.contacts),
        (cost[size].rowsRead / networks[size].seeded.interactions).toFixed(3),
        cost[size].rowsWritten,
        cost[size].items,
      ]),
    );
    const perQuery = table(
      ["query", "method", "rows read 500", "rows read 5,000", "rows written 5,000"],
      cost.large.perQuery.map((q) => [
        q.query,
        q.method,
        cost.small.perQuery.find((p) => p.query === q.query)?.rowsRead ?? "–",
        q.rowsRead,
        q.rowsWritten,
      ]),
    );
    const planLines = cost.large.plans.map((p) => `${p.sql.replace(/\s+/g, " ").slice(0, 110)}\n    ${p.plan.join("\n    ")}`).join("\n");
    const fullScans = scans([...cost.small.plans, ...cost.large.plans]);
    const sections = table(
      ["section", "candidates at 500", "candidates at 5,000"],
      SECTION_ORDER.map((s) => [s, candidates(plans.small)[s], candidates(plans.large)[s]]),
    );
    console.log(
      `\nDigest D1 cost (one sendDigest per owner; meta.rows_read / rows_written)\n${d1}\n\nPer query\n${perQuery}\n\n` +
        `EXPLAIN QUERY PLAN (5,000-contact owner)\n${planLines}\n\n` +
        `Scans (SCAN rather than SEARCH): ${fullScans.length ? fullScans.map((s) => `${s.detail} in ${s.sql.slice(0, 80)}`).join("; ") : "none"}\n\n` +
        `Candidates per section\n${sections}\n\nCPU (median of ${RUNS} samples; small steps timed in batches of K)\n${timing}\n\n` +
        `seeding: 500 contacts in ${(networks.small.seedMs / 1000).toFixed(1)} s, 5,000 contacts in ${(networks.large.seedMs / 1000).toFixed(1)} s\n`,
    );
    task.meta.benchResult = {
      name: "digest",
      now: new Date(NOW).toISOString(),
      networks: { small: networks.small.seeded, large: networks.large.seeded },
      d1: Object.fromEntries((["small", "large"] as const).map((size) => [size, { ...cost[size], calls: undefined }])),
      candidates: { small: candidates(plans.small), large: candidates(plans.large) },
      cpu: Object.fromEntries(
        Object.keys(labels).map((name) => [
          name,
          {
            label: labels[name],
            small: { median: median(samples[name].small), max: max(samples[name].small), samples: samples[name].small },
            large: { median: median(samples[name].large), max: max(samples[name].large), samples: samples[name].large },
            ratio: median(samples[name].large) / median(samples[name].small),
          },
        ]),
      ),
      scans: fullScans,
    };

    // The targets that do not depend on a noisy clock: every section has candidates, D1 reads a small
    // multiple of the contacts (and a few rows per item shown) and never a row per interaction, and no plan scans
    // the interactions.
    for (const size of ["small", "large"] as const) {
      for (const s of SECTION_ORDER) expect(candidates(plans[size])[s]).toBeGreaterThan(0);
      expect(cost[size].rowsRead).toBeLessThanOrEqual(MAX_ROWS_READ_PER_CONTACT * networks[size].seeded.contacts + MAX_ROWS_READ_PER_ITEM * cost[size].items);
    }
    expect(fullScans.filter((s) => /\binteractions\b/.test(s.detail))).toEqual([]);
  });
});
