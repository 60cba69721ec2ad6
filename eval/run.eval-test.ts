// The labelled evaluation (eval/README.md): each scenario's mailbox goes through the real import path, its live
// mail through the real email() handler, and the real digest runs at the labelled times. The reporter
// (support/report.ts) scores what each digest showed against the labels and prints the table.
import { env } from "cloudflare:test";
import { describe, inject, it } from "vitest";
import { listSuppressions } from "../src/db/capture";
import { getDb } from "../src/db/client";
import { findOwnerById } from "../src/db/owner-lookup";
import { createOwner, loadOwnerWithAddresses } from "../src/db/owners";
import { sendDigest } from "../src/digest/run";
import { DIGEST_TOKEN_TTL_MS, signDigestToken } from "../src/digest/token";
import { readConfig } from "../src/env";
import { handleEmail } from "../src/ingest/email-handler";
import { importMails } from "../src/ingest/import";
import type { IngestOutcome } from "../src/ingest/outcome";
import { digestAnswer, emailMessage, recordingSendEmail, testEnv, withCloudflareVerdict } from "../test/support/mail";
import type { DigestResult, EmlFile, IngestLine, ScenarioFiles, ScenarioResult, ShownItem } from "./support/scenario";

const ASSISTANT = "gensidig@example.com";
const IMPORT_BATCH = 50;
/** A BCC'd mail reaches the assistant a moment after it was sent. */
const DELIVERY_DELAY_MS = 60_000;

const db = () => getDb(env.DB);
const config = () => readConfig(testEnv());

function bytesOf(file: EmlFile): Uint8Array {
  return Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
}

function byteString(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

/** The header block as text, folded lines joined: enough to read Date and From for ordering and envelopes. */
function headerOf(bytes: Uint8Array, name: string): string | null {
  const head = byteString(bytes.subarray(0, 64 * 1024)).split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n[ \t]+/g, " ");
  const m = head.match(new RegExp(`^${name}:[ \\t]*(.*)$`, "im"));
  return m ? m[1].trim() : null;
}

function dateOf(bytes: Uint8Array, file: string): number {
  const t = Date.parse(headerOf(bytes, "Date") ?? "");
  if (!Number.isFinite(t)) throw new Error(`${file}: no readable Date header`);
  return t;
}

function fromAddressOf(bytes: Uint8Array): string {
  const from = headerOf(bytes, "From") ?? "";
  return (from.match(/<([^>]+)>/)?.[1] ?? from).trim().toLowerCase();
}

function describeOutcome(o: IngestOutcome): string {
  return "reason" in o ? `${o.status}: ${o.reason}` : o.status === "stored" ? `stored: ${o.summary}` : o.status;
}

type Step =
  | { at: number; kind: "mail"; file: EmlFile; bytes: Uint8Array }
  | { at: number; kind: "command"; lines: string[] }
  | { at: number; kind: "digest"; index: number };

async function runScenario(files: ScenarioFiles, ingestOnly: boolean): Promise<ScenarioResult> {
  const s = files.scenario;
  const firstDigest = Math.min(...s.digests.map((d) => Date.parse(d.at)));
  const importAt = s.importAt ? Date.parse(s.importAt) : firstDigest - 3_600_000;
  const owner = await createOwner(db(), {
    primaryAddress: s.owner.address.toLowerCase(),
    aliases: s.owner.aliases?.map((a) => a.toLowerCase()),
    apiToken: `eval-${files.name}`,
    name: s.owner.name,
    language: s.owner.language,
    timeZone: s.owner.timeZone,
    now: importAt - 365 * 86_400_000,
  });
  const result: ScenarioResult = { name: files.name, title: s.title, split: s.split, ingest: [], digests: [], commandAnswers: [], dump: [] };

  // The backfill: the owner's mailbox in date order, as `npm run import` sends it, through the import path.
  const mailbox = files.mailbox.map((file) => ({ file, bytes: bytesOf(file) })).map((m) => ({ ...m, at: dateOf(m.bytes, m.file.name) }));
  mailbox.sort((a, b) => a.at - b.at);
  for (let i = 0; i < mailbox.length; i += IMPORT_BATCH) {
    const batch = mailbox.slice(i, i + IMPORT_BATCH);
    const ownerWithAddresses = (await loadOwnerWithAddresses(env.DB, owner.id))!;
    const ctx = { d1: env.DB, config: config(), owner: ownerWithAddresses, suppressions: await listSuppressions(env.DB, owner.id), now: importAt };
    const { outcomes } = await importMails(ctx, batch.map((m) => m.bytes));
    outcomes.forEach((o, j) => result.ingest.push({ file: batch[j].file.name, path: "import", outcome: describeOutcome(o) }));
  }

  const steps: Step[] = [
    ...files.live.map((file) => {
      const bytes = bytesOf(file);
      return { at: dateOf(bytes, file.name) + DELIVERY_DELAY_MS, kind: "mail" as const, file, bytes };
    }),
    ...(ingestOnly ? [] : (s.commands ?? []).map((c) => ({ at: Date.parse(c.at), kind: "command" as const, lines: c.lines }))),
    ...(ingestOnly ? [] : s.digests.map((d, index) => ({ at: Date.parse(d.at), kind: "digest" as const, index }))),
  ];
  // Mail first, then the digest, then the owner's answer, when two fall on the same instant.
  const order = { mail: 0, digest: 1, command: 2 };
  steps.sort((a, b) => a.at - b.at || order[a.kind] - order[b.kind]);

  let lastDigest: { id: number; token: string; messageId: string; subject: string; shown: ShownItem[] } | null = null;
  let commandCount = 0;
  for (const step of steps) {
    if (step.kind === "mail") {
      const envelope = s.envelopes?.[step.file.name] ?? {};
      const from = (envelope.from ?? fromAddressOf(step.bytes)).toLowerCase();
      // One char per byte, so the bytes come back unchanged: TextDecoder("latin1") is windows-1252, which would turn
      // 0x80–0x9F (the second byte of "ń", "ł", "—" in UTF-8) into other characters.
      const raw = withCloudflareVerdict(byteString(step.bytes), "pass", from.split("@")[1]);
      const mail = emailMessage(Uint8Array.from(raw, (c) => c.charCodeAt(0)), { from, to: envelope.to ?? ASSISTANT });
      const outcome = await handleEmail(mail.message, testEnv({ SEND_EMAIL: recordingSendEmail().binding }), step.at);
      result.ingest.push({ file: step.file.name, path: "live", outcome: describeOutcome(outcome) });
    } else if (step.kind === "digest") {
      const labels = s.digests[step.index];
      const outbox = recordingSendEmail();
      const current = (await findOwnerById(env.DB, owner.id))!;
      const sent = await sendDigest(env.DB, outbox.binding, config(), current, step.at, null);
      const rows = await env.DB.prepare(
        "select i.number, i.kind, c.address from digest_items i join contacts c on c.id = i.contact_id where i.digest_id = ? order by i.number",
      )
        .bind(sent.digestId)
        .all<{ number: number; kind: ShownItem["section"]; address: string }>();
      const shown = rows.results.map((r) => ({ number: r.number, section: r.kind, address: r.address, why: whyLine(sent.text, r.number) }));
      const token = await signDigestToken(env.DIGEST_TOKEN_SECRET!, { ownerId: owner.id, digestId: sent.digestId, expiresAt: step.at + DIGEST_TOKEN_TTL_MS });
      const messageId = sent.raw.match(/^Message-ID:\s*(<[^>]+>)/im)?.[1] ?? "";
      lastDigest = { id: sent.digestId, token, messageId, subject: sent.subject, shown };
      const digest: DigestResult = { at: labels.at, shown, labels, text: sent.text };
      result.digests.push(digest);
    } else {
      if (!lastDigest) throw new Error(`${files.name}: a command at ${new Date(step.at).toISOString()} before any digest`);
      const digest = lastDigest;
      // The owner types item numbers: a person named in the labels becomes their number in the digest before.
      const lines = step.lines.map((line) =>
        line.replace(/[^\s<>]+@[^\s<>]+/, (address) => String(digest.shown.find((i) => i.address === address.toLowerCase())?.number ?? address)),
      );
      const to = `gensidig+${digest.token}@example.com`;
      const raw = digestAnswer({
        from: s.owner.address,
        name: s.owner.name,
        to,
        digestSubject: digest.subject,
        digestMessageId: digest.messageId,
        messageId: `eval-command-${++commandCount}@${s.owner.address.split("@")[1]}`,
        date: step.at,
        lines,
      });
      const mail = emailMessage(withCloudflareVerdict(raw, "pass", s.owner.address.split("@")[1]), { from: s.owner.address, to });
      const outbox = recordingSendEmail();
      const outcome = await handleEmail(mail.message, testEnv({ SEND_EMAIL: outbox.binding }), step.at);
      const answer = mail.replies[0] ?? outbox.sent[0]?.raw ?? "";
      result.commandAnswers.push(`${lines.join(" | ")} → ${describeOutcome(outcome)}${answer.includes("✗") ? " (an answer line failed)" : ""}`);
    }
  }
  for (const address of inject("evalDump")) {
    const row = await env.DB.prepare("select * from contacts where owner_id = ? and address = ?").bind(owner.id, address.toLowerCase()).first();
    if (row) result.dump.push(row);
  }
  return result;
}

/** The item's lines in the plain-text digest, for the report: "2. Anna Holm … why". */
function whyLine(text: string, number: number): string {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => new RegExp(`^\\s*${number}\\.\\s`).test(l));
  if (start < 0) return "";
  const out = [lines[start].trim()];
  for (let i = start + 1; i < lines.length && /^\s{2,}\S/.test(lines[i]) && !/^\s*\d+\.\s/.test(lines[i]); i++) out.push(lines[i].trim());
  return out.join(" ").slice(0, 300);
}

const scenarios = inject("evalScenarios");
const ingestOnly = inject("evalIngestOnly");

describe("labelled scenarios", () => {
  for (const files of scenarios) {
    it(files.name, async ({ task }) => {
      task.meta.evalResult = await runScenario(files, ingestOnly);
    });
  }
});
