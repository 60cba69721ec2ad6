import { createExecutionContext, env } from "cloudflare:test";
import { parse as parseVcard } from "vcard4";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../src/index";
import { addNote } from "../../src/db/command-store";
import { exportOwnerData } from "../../src/export";
import { csvField } from "../../src/export/csv";
import { escapeText, foldLine, MAX_LINE_OCTETS } from "../../src/export/vcard";
import PostalMime from "postal-mime";
import { signExportLink } from "../../src/digest/token";
import { deliverToWorker, withCloudflareVerdict } from "../support/mail";
import { seedOwner } from "../support/owners";
import { db, seedOutreach } from "./commands-scenario";

const OWNER = "camilla@olsen.dk";
const NOW = Date.parse("2026-11-23T09:00:00+01:00");
const LONG_NOTE =
  "Mødt på Founders Friday i Århus; vil gerne høre om kurset, og om Bo kan hjælpe med regnskabet. Ring efter nytår – før den 15. januar.";

let ownerId: number;

beforeAll(async () => {
  ownerId = (await seedOwner(OWNER, "camilla-token", { name: "Camilla Olsen", language: "da" })).id;
  await seedOwner("other@elsewhere.dk", "other-token");
  await seedOutreach(OWNER, [
    { name: "Søren Ærbø", address: "soren@aerboe.dk", subject: "Kaffe på fredag?", at: "2026-11-02T09:00:00+01:00" },
    { name: "Åse Øster-Hansen", address: "aase@oester.dk", subject: "Tak for sidst", at: "2026-11-03T09:00:00+01:00" },
    { name: "Holm, Anna", address: "anna@holm.dk", subject: "Intro", at: "2026-11-04T09:00:00+01:00" },
  ]);
  const id = async (address: string) => (await env.DB.prepare("select id from contacts where address = ?").bind(address).first<{ id: number }>())!.id;
  await env.DB.batch([
    addNote(env.DB, ownerId, await id("soren@aerboe.dk"), LONG_NOTE, null, NOW),
    addNote(env.DB, ownerId, await id("soren@aerboe.dk"), "Kender Åse fra studiet\nog fra bestyrelsen", null, NOW + 1),
    addNote(env.DB, ownerId, await id("aase@oester.dk"), '=HYPERLINK("http://x") sagde hun, "ja"', null, NOW),
  ]);
  await env.DB.prepare("update contacts set circle = 'private' where address = 'aase@oester.dk'").run();
});

describe("vCard 4.0", () => {
  it("parses back with vcard4: names, addresses, notes and circles with æøå intact", async () => {
    const { vcf } = await exportOwnerData(db(), ownerId, NOW);
    const cards = parseVcard(vcf) as Array<{ parsedVcard: Array<{ property: string; value: unknown }> }>;
    const props = (i: number) => Object.fromEntries(cards[i].parsedVcard.map((p) => [p.property, p.value]));
    expect(cards).toHaveLength(3);
    expect(props(0)).toEqual({ FN: "Åse Øster-Hansen", EMAIL: "aase@oester.dk", NOTE: '=HYPERLINK("http://x") sagde hun, "ja"', CATEGORIES: "private", REV: expect.stringMatching(/^\d{8}T\d{6}Z$/) });
    expect(props(1)).toMatchObject({ FN: "Holm, Anna", EMAIL: "anna@holm.dk", CATEGORIES: "professional" });
    expect(props(1).NOTE).toBeUndefined();
    expect(props(2)).toMatchObject({ FN: "Søren Ærbø", EMAIL: "soren@aerboe.dk", NOTE: `${LONG_NOTE}\nKender Åse fra studiet\nog fra bestyrelsen` });
  });

  it("writes CRLF, escapes text values and folds at 75 octets without splitting a character", async () => {
    const { vcf } = await exportOwnerData(db(), ownerId, NOW);
    expect(vcf.split("\r\n").slice(0, 4)).toEqual(["BEGIN:VCARD", "VERSION:4.0", "FN:Åse Øster-Hansen", "EMAIL:aase@oester.dk"]);
    expect(vcf).toContain("FN:Holm\\, Anna\r\n");
    expect(vcf.replace(/\r\n/g, "")).not.toMatch(/\n/);
    const encoder = new TextEncoder();
    for (const line of vcf.split("\r\n")) expect(encoder.encode(line).length).toBeLessThanOrEqual(MAX_LINE_OCTETS);
    expect(escapeText("a\\b,c;d\ne")).toBe("a\\\\b\\,c\\;d\\ne");
    const folded = foldLine(`NOTE:${"ø".repeat(40)}`);
    expect(folded.split("\r\n").map((l) => encoder.encode(l).length)).toEqual([75, 11]);
    expect(folded.replace(/\r\n /g, "")).toBe(`NOTE:${"ø".repeat(40)}`);
  });
});

describe("CSV", () => {
  it("has a header row, one row per contact, RFC 4180 quoting and no formulas", async () => {
    const { csv } = await exportOwnerData(db(), ownerId, NOW);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("address,name,circle,muted,cadence_days,snoozed_until,first_at,last_at,last_inbound_at,last_outbound_at,inbound_count,outbound_count,they_gave,you_gave,notes");
    expect(lines[1]).toBe(
      `aase@oester.dk,Åse Øster-Hansen,private,false,,,2026-11-03T08:00:00.000Z,2026-11-03T08:00:00.000Z,,2026-11-03T08:00:00.000Z,0,1,0,0,"'=HYPERLINK(""http://x"") sagde hun, ""ja"""`,
    );
    // An outbound "Intro" counts as the owner giving: you_gave is 1.
    expect(lines[2]).toBe('anna@holm.dk,"Holm, Anna",professional,false,,,2026-11-04T08:00:00.000Z,2026-11-04T08:00:00.000Z,,2026-11-04T08:00:00.000Z,0,1,0,1,');
    expect(csv).toContain(`"${LONG_NOTE}\nKender Åse fra studiet\nog fra bestyrelsen"\r\n`);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csvField(null)).toBe("");
    expect(csvField("-5")).toBe("'-5");
    expect(csvField(3)).toBe("3");
  });
});

describe("JSON", () => {
  it("holds each contact with its mail and notes", async () => {
    const { json, counts } = await exportOwnerData(db(), ownerId, NOW);
    expect(counts).toEqual({ contacts: 3, interactions: 3, notes: 3 });
    const data = JSON.parse(json);
    expect(data).toMatchObject({ format: "gensidig-export", version: 1, exportedAt: "2026-11-23T08:00:00.000Z", owner: { primaryAddress: OWNER, language: "da" } });
    const soren = data.contacts.find((c: { address: string }) => c.address === "soren@aerboe.dk");
    expect(soren.name).toBe("Søren Ærbø");
    expect(soren.notes.map((n: { body: string }) => n.body)).toEqual([LONG_NOTE, "Kender Åse fra studiet\nog fra bestyrelsen"]);
    expect(soren.interactions.map((i: { direction: string; subject: string }) => [i.direction, i.subject])).toEqual([["out", "Kaffe på fredag?"]]);
  });

  it("names the aggregates by who did what, as the read API does", async () => {
    const { json } = await exportOwnerData(db(), ownerId, NOW);
    const anna = JSON.parse(json).contacts.find((c: { address: string }) => c.address === "anna@holm.dk");
    const { notes: _notes, interactions: _interactions, createdAt: _c, updatedAt: _u, ...fields } = anna;
    expect(fields).toEqual({
      address: "anna@holm.dk",
      name: "Holm, Anna",
      circle: "professional",
      muted: false,
      cadenceDays: null,
      statedCadenceDays: null,
      snoozedUntil: null,
      firstAt: "2026-11-04T08:00:00.000Z",
      lastAt: "2026-11-04T08:00:00.000Z",
      firstInboundAt: null,
      lastInboundAt: null,
      lastOutboundAt: "2026-11-04T08:00:00.000Z",
      inboundCount: 0,
      outboundCount: 1,
      // The owner's mail "Intro" gave her something; she has given nothing yet.
      theyGave: 0,
      youGave: 1,
      lastTheyGaveAt: null,
      lastTheyGave: null,
      lastYouThankedAt: null,
      lastTheyAskedAt: null,
      promisedAt: null,
      introducedBy: null,
      conversations: 1,
      meetings: 0,
      lastMeetingAt: null,
      // "Would you have time for a coffee soon?" to someone new expects an answer within the default 7 days.
      pendingFollowUp: { since: "2026-11-04T08:00:00.000Z", dueAt: "2026-11-11T08:00:00.000Z", subject: "Intro", reason: "question" },
      doneAt: null,
      unreachableAt: null,
      sameAs: null,
    });
    const api = await worker.fetch(
      new Request("http://x/api/contacts/anna%40holm.dk", { headers: { authorization: "Bearer camilla-token" } }),
      env,
      createExecutionContext(),
    );
    expect(((await api.json()) as { contact: unknown }).contact).toEqual({ ...fields, createdAt: anna.createdAt, updatedAt: anna.updatedAt });
  });
});

describe("GET /api/export", () => {
  const get = (query: string, token?: string) =>
    worker.fetch(new Request(`http://x/api/export${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }), env, createExecutionContext());

  it("answers each format to its owner, as a download", async () => {
    const vcf = await get("?format=vcf", "camilla-token");
    expect(vcf.status).toBe(200);
    expect(vcf.headers.get("content-type")).toBe("text/vcard; charset=utf-8");
    expect(vcf.headers.get("content-disposition")).toMatch(/^attachment; filename="gensidig-\d{4}-\d{2}-\d{2}\.vcf"$/);
    expect(await vcf.text()).toContain("FN:Søren Ærbø");
    const csv = await get("?format=csv", "camilla-token");
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const json = await get("?format=json", "camilla-token");
    expect(((await json.json()) as { contacts: unknown[] }).contacts).toHaveLength(3);
  });

  it("refuses without a token, shows another owner nothing of this one's, and rejects unknown formats", async () => {
    expect((await get("?format=json")).status).toBe(401);
    const other = (await (await get("?format=json", "other-token")).json()) as { contacts: unknown[] };
    expect(other.contacts).toEqual([]);
    expect((await get("?format=xml", "camilla-token")).status).toBe(400);
  });
});

describe("export by mail", () => {
  const BIG = "big@olsen.dk";
  const mail = (id: string) =>
    withCloudflareVerdict(
      [
        "MIME-Version: 1.0",
        "Date: Mon, 23 Nov 2026 08:58:12 +0100",
        `Message-ID: <CAK7n1c8${id}@mail.gmail.com>`,
        "Subject: Gensidig",
        `From: Big Owner <${BIG}>`,
        "To: gensidig@example.com",
        'Content-Type: text/plain; charset="UTF-8"',
        "",
        "export",
        "",
      ].join("\r\n"),
      "pass",
      "olsen.dk",
    );
  const linkOf = (text: string) => /https:\/\/gensidig\.example\.dev\/api\/export\?link=[a-z0-9-]+/.exec(text)?.[0] ?? null;

  beforeAll(async () => {
    const big = (await seedOwner(BIG, "big-token", { name: "Big Owner" })).id;
    await env.DB.prepare("insert into contacts (owner_id, address, name, name_key, created_at, updated_at) values (?, 'lars@winther.dk', 'Lars Winther', 'lars winther', ?, ?)").bind(big, NOW, NOW).run();
    // 2,100 mails with one person: more than MAIL_EXPORT_MAX_ROWS, about 1 MB of export.
    await env.DB.prepare(
      `insert into interactions (owner_id, contact_id, at, direction, subject, snippet, message_id, source)
       with recursive n(i) as (select 1 union all select i + 1 from n where i < 2100)
       select ?1, (select id from contacts where owner_id = ?1), ?2 - i * 3600000, case when i % 2 = 0 then 'in' else 'out' end,
              'Budget for the Aarhus office, round ' || i, 'Here are the figures we talked about on the phone, with the changes from last week', 'm' || i || '@winther.dk', 'bcc' from n`,
    ).bind(big, NOW).run();
  });

  it("sends an export too large to attach as a signed link to the streamed API export, valid for three days", async () => {
    const res = await deliverToWorker(mail("bigexport1"), { from: BIG, to: "gensidig@example.com", envOverrides: { PUBLIC_URL: "https://gensidig.example.dev/" } });
    const raw = res.replies[0] ?? res.sent.find((s) => /^Message-ID: <answer\./im.test(s.raw))!.raw;
    expect(raw.length).toBeLessThan(20_000);
    const parsed = await PostalMime.parse(raw);
    expect(parsed.attachments).toEqual([]);
    expect(parsed.text).toMatch(/1 contacts, 2100 mails and 0 notes are too much to attach\. Download them until \w+day \d{1,2} \w+ \d{4}: JSON https:/);
    const link = linkOf(parsed.text!)!;
    expect(link).not.toBeNull();
    const expiresAt = parseInt(/link=[a-z0-9]+-([a-z0-9]+)-/.exec(link)![1], 36);
    expect(Math.abs(expiresAt - (Date.now() + 3 * 86_400_000))).toBeLessThan(60_000);

    const get = (url: string) => worker.fetch(new Request(url), env, createExecutionContext());
    const byLink = await get(`${link}&format=json`);
    expect(byLink.status).toBe(200);
    const byToken = await worker.fetch(new Request("http://x/api/export?format=json", { headers: { authorization: "Bearer big-token" } }), env, createExecutionContext());
    const strip = (body: string) => body.replace(/"exportedAt": *"[^"]+"/, "");
    expect(strip(await byLink.text())).toBe(strip(await byToken.text()));
    expect((await get(`${link}&format=vcf`)).headers.get("content-type")).toBe("text/vcard; charset=utf-8");

    // A changed link, or the same link for another owner, opens nothing.
    const tampered = link.replace(/-([a-z0-9])([a-z0-9]*)$/, (_, c: string, rest: string) => `-${c === "a" ? "b" : "a"}${rest}`);
    expect((await get(`${tampered}&format=json`)).status).toBe(401);
    const otherOwner = link.replace(/link=([a-z0-9]+)-/, (_, id: string) => `link=${(parseInt(id, 36) + 1).toString(36)}-`);
    expect((await get(`${otherOwner}&format=json`)).status).toBe(401);
  });

  it("says how to fetch it with the API when the worker has no public URL, and an old link has expired", async () => {
    const res = await deliverToWorker(mail("bigexport2"), { from: BIG, to: "gensidig@example.com" });
    const raw = res.replies[0] ?? res.sent.find((s) => /^Message-ID: <answer\./im.test(s.raw))!.raw;
    expect((await PostalMime.parse(raw)).text).toContain("Fetch them with your API token: GET /api/export?format=json (or csv, vcf)");

    const expired = await signExportLink("test-secret-0123456789abcdef", { ownerId: 1, expiresAt: Date.now() - 1 });
    const answer = await worker.fetch(new Request(`http://x/api/export?link=${expired}&format=json`), env, createExecutionContext());
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ error: "link-expired" });
  });
});
