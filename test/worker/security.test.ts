// The security suite of issue 9: one row per class of attack the issue found, next to the attacks that already
// held, each replayed through the real email() handler in production configuration
// (ALLOW_UNAUTHENTICATED_OWNER_MAIL is "false" in vitest.workers.ts). Each row names the attack, the outcome
// that must hold, and what must not change in D1: every row has its own owner, and the owner's row counts
// (and the owner's own row) are snapshotted before and after the attack. The per-class files
// (security-{dmarc,headers,commands,threads,tokens}.test.ts) hold the variants of each class.
import { env } from "cloudflare:test";
import PostalMime from "postal-mime";
import { describe, expect, it } from "vitest";
import { signDigestToken } from "../../src/digest/token";
import {
  alteredToken,
  bigSubjectMail,
  cloudflareArc,
  forwardedDigest,
  fromOwner,
  unknownLocaleForward,
  OWNER_TABLES,
  ownerAsks,
  ownerSnapshot,
  plainOwnerMail,
  type SnapshotKey,
  smuggledCommands,
  threadReply,
  tokenReply,
} from "../support/attacks";
import { fixture } from "../support/fixtures";
import { deliverToWorker, withCloudflareVerdict } from "../support/mail";
import { seedOwner } from "../support/owners";

/** One row's owner and the person of theirs the attacks aim at. Each row's key makes its own domain. */
interface Scene {
  key: string;
  owner: string;
  ownerId: number;
  contact: string;
}

interface Attack {
  raw: string;
  /** The envelope sender (MAIL FROM) and recipient (RCPT TO). */
  from: string;
  to?: string;
}

type Outcome =
  /** setReject with a reason matching. */
  | { rejected: RegExp }
  /** Accepted and recorded as ignored with a reason matching; never answered, unless `told` (a forward the owner sent by hand). */
  | { ignored: RegExp; told?: RegExp }
  /** Accepted, kept as a dead letter with a reason matching, and the owner told. */
  | { deadLetter: RegExp }
  /** Read as the owner's command mail: no line of the attack acted, and the answer says so. */
  | { commandRefused: RegExp }
  /** Read as the owner's command mail: the line ran on text, stored as text, and the answer says so. */
  | { commandRan: RegExp }
  /** Accepted and stored as data (text), not answered. */
  | { stored: true }
  /** Accepted, and found to be a delivery already stored: nothing written, nothing answered. */
  | { duplicate: true };

interface Row {
  class: string;
  attack: string;
  /** What the scene needs before the attack: a contact, a shared thread, the first delivery. */
  setup?: (s: Scene) => Promise<void>;
  build: (s: Scene) => Attack | Promise<Attack>;
  expect: Outcome;
  /** The owner's D1 tables (and the owner's own row) that the attack must leave exactly as they were. */
  unchanged: readonly SnapshotKey[];
  /** What else must hold afterwards. */
  holds?: (s: Scene) => Promise<void>;
}

const ALL: readonly SnapshotKey[] = [...OWNER_TABLES, "owners"];
const allBut = (...changed: SnapshotKey[]) => ALL.filter((t) => !changed.includes(t));

async function rows<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  return (await env.DB.prepare(sql).bind(...params).all<T>()).results;
}

/** The owner writes to `contact` with the assistant in BCC, so the contact exists before the attack. */
async function seedContact(s: Scene) {
  const raw = fromOwner(s.owner, { id: `seed-${s.key}@${s.key}.example`, subject: "Coffee after Founders Friday?", to: `Anna Holm <${s.contact}>`, body: "Hi Anna,\n\nWould you have time for a coffee soon?\n\nCamilla" });
  const res = await deliverToWorker(raw, { from: s.owner });
  expect(res.rejected()).toBeNull();
  expect(await rows("select address from contacts where owner_id = ? and address = ?", s.ownerId, s.contact)).toEqual([{ address: s.contact }]);
}

/** The owner's thread, BCC'd, with the contact in To and a partner in Cc. */
const threadOf = (s: Scene) => ({ id: `${s.key}-ask@mail.gmail.com`, to: s.contact, cc: `bo@${s.key}-partner.example` });

async function seedThread(s: Scene) {
  const res = await deliverToWorker(ownerAsks(s.owner, threadOf(s)), { from: s.owner });
  expect(res.rejected()).toBeNull();
}

/** A digest reply address for this owner whose signature does not verify. */
async function forgedReplyAddress(s: Scene, how: "altered" | "wrong-secret") {
  const claims = { ownerId: s.ownerId, digestId: 1, expiresAt: Date.now() + 30 * 86_400_000 };
  const token = how === "altered" ? alteredToken(await signDigestToken(env.DIGEST_TOKEN_SECRET!, claims)) : await signDigestToken("not-the-deployed-secret-0123456789", claims);
  return `gensidig+${token}@example.com`;
}

const SQL_HTML_CRLF = `Robert'); DROP TABLE contacts;-- <script>alert("x")</script>`;
/** RFC 2047 lets a sender put CR LF into a decoded Subject; it must stay text, never become a header. */
const CRLF_WORD = "=?UTF-8?Q?Hi=0D=0ABcc:_victim@evil.example=0D=0A=0D=0A<img_src=x>?=";

const TABLE: Row[] = [
  // ── The ten classes issue 9 found ────────────────────────────────────────────────────────────────────────
  {
    class: "1 DMARC is read as RFC 8601 structure",
    attack: "owner's address, a comment saying dmarc=pass before Cloudflare's real dmarc=fail, commands in the body",
    setup: seedContact,
    build: (s) => ({
      raw:
        `ARC-Authentication-Results: ${cloudflareArc(`dmarc=fail header.from=${s.key}.example policy.dmarc=reject`, `dkim=none (dmarc=pass header.from=${s.key}.example ) header.d=evil.example`)}\r\n` +
        plainOwnerMail(s.owner, { id: `attack@${s.key}.example`, subject: "Settings", body: smuggledCommands(s.contact) }),
      from: s.owner,
    }),
    expect: { rejected: /^Gensidig could not verify that this mail comes from .+ \(DMARC did not pass for c1\.example: Cloudflare's result is fail\)\.$/ },
    unchanged: ALL,
  },
  {
    class: "2 a forward the parser cannot read never runs as commands",
    attack: "the owner forwards a Thai Gmail mail whose body says forget <contact> confirm, pause",
    setup: seedContact,
    build: (s) => ({ raw: fromOwner(s.owner, { id: `attack@${s.key}.example`, subject: "สวัสดี", body: unknownLocaleForward(s.owner, smuggledCommands(s.contact)) }), from: s.owner }),
    expect: { deadLetter: /^none of it was run as a command, because / },
    unchanged: allBut("mail_events", "messages"),
  },
  {
    class: "3 headers are capped before postal-mime decodes them",
    attack: "the owner's address with an aligned DMARC pass and a 1 MB Subject of RFC 2047 encoded words",
    build: (s) => ({ raw: withCloudflareVerdict(bigSubjectMail(`Owner <${s.owner}>`), "pass", `${s.key}.example`), from: s.owner }),
    expect: { rejected: /^This mail's headers are too large to read \(1,025 KiB\); Gensidig reads headers of up to 256 KiB\.$/ },
    unchanged: ALL,
  },
  {
    class: "4 quoted HTML is quoted text",
    attack: "an HTML-only reply whose commands sit inside Gmail's <blockquote class=gmail_quote>",
    setup: seedContact,
    build: (s) => ({
      raw: fromOwner(s.owner, {
        id: `attack@${s.key}.example`,
        subject: "Re: Week 47: 3 to follow up with",
        headers: ['Content-Type: text/html; charset="UTF-8"', "Content-Transfer-Encoding: 8bit"],
        body:
          '<div dir="ltr">Thanks, looks good.</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">Gensidig wrote:</div>' +
          `<blockquote class="gmail_quote"><div>forget ${s.contact} confirm</div><div>pause</div></blockquote></div>`,
      }),
      from: s.owner,
    }),
    expect: { commandRefused: /^I found no commands in your mail\./ },
    unchanged: allBut("messages"),
  },
  {
    class: "5 a forged token runs no line, not even address commands",
    attack: "forget <contact> confirm sent to a digest reply address whose token was altered",
    setup: seedContact,
    build: async (s) => {
      const to = await forgedReplyAddress(s, "altered");
      return { raw: withCloudflareVerdict(tokenReply(`${s.key}-attack`, s.owner, to, [`forget ${s.contact} confirm`, "pause"]), "pass", `${s.key}.example`), from: s.owner, to };
    },
    expect: { commandRefused: /^✗ Nothing in this mail was carried out: it went to a reply address Gensidig did not make/ },
    unchanged: allBut("messages"),
  },
  {
    class: "6 a thread reply needs a sender who took part",
    attack: "a stranger who knows the Message-ID of the owner's shared mail replies to it, with the owner in To",
    setup: seedThread,
    build: (s) => ({ raw: threadReply(s.owner, { threadId: threadOf(s).id, id: `pitch@${s.key}-sales.example`, from: `Lars Winther <lars@${s.key}-sales.example>` }), from: `lars@${s.key}-sales.example` }),
    expect: { rejected: /^Gensidig only accepts mail from the people it works for, and lars@c6-sales\.example is not one of them\. .*: lars@c6-sales\.example took no part in the mail it answers\.$/ },
    unchanged: ALL,
    holds: async (s) => expect(await rows("select address from contacts where owner_id = ? and address like 'lars@%'", s.ownerId)).toEqual([]),
  },
  {
    class: "7 the assistant never becomes a contact",
    attack: "the owner forwards this week's digest, from gensidig@example.com, to the assistant",
    build: (s) => ({ raw: fromOwner(s.owner, { id: `attack@${s.key}.example`, subject: "Fwd: Week 47: 3 to follow up with", body: forwardedDigest(s.owner, "gensidig@example.com") }), from: s.owner }),
    expect: { ignored: /^it is a mail from Gensidig itself$/, told: /^I did not add anyone from the mail you forwarded .*it looks automated \(it is a mail from Gensidig itself\)/ },
    unchanged: allBut("mail_events", "messages"),
    holds: async (s) => expect(await rows("select address from contacts where owner_id = ? and address like 'gensidig%'", s.ownerId)).toEqual([]),
  },
  {
    class: "8 the owner's automated mail is never read for commands nor answered",
    attack: "the owner's vacation reply (Auto-Submitted: auto-replied) to a digest reply address, with commands in it",
    setup: seedContact,
    build: (s) => {
      const to = "gensidig+1-1-mj8k2p0w-7gq2m4vd3x5s6a9bqrtu@example.com";
      const body = `I am away until 30 November.\n\n${smuggledCommands(s.contact)}`;
      return { raw: fromOwner(s.owner, { id: `attack@${s.key}.example`, subject: "Re: Week 47: 3 to follow up with", to, headers: ["Auto-Submitted: auto-replied"], body }), from: s.owner, to };
    },
    expect: { ignored: /^automatic \(Auto-Submitted: auto-replied\)$/ },
    unchanged: allBut("mail_events", "messages"),
  },
  {
    class: "9 an abuse feedback report is automated mail",
    attack: "an RFC 5965 feedback report from the owner's address (DMARC aligned), its human-readable part saying pause",
    build: (s) => ({
      raw: withCloudflareVerdict(
        fixture("mail/arf-feedback-report.eml")
          .replace("From: <abusedesk@example.net>", `From: <${s.owner}>`)
          .replace("<arf-20261110-8841@mailout.example.net>", `<attack@${s.key}.example>`)
          .replace("This is an email abuse report", "pause\r\n\r\nThis is an email abuse report"),
        "pass",
        `${s.key}.example`,
      ),
      from: s.owner,
    }),
    expect: { ignored: /abuse feedback report \(RFC 5965\)/ },
    unchanged: allBut("mail_events", "messages"),
  },
  {
    class: "10 a refusal says why in words a person can read",
    attack: "the owner's address with a DMARC pass for a look-alike domain that does not align",
    build: (s) => ({
      raw: `ARC-Authentication-Results: ${cloudflareArc(`dmarc=pass header.from=${s.key}.example.evil.example`)}\r\n` + plainOwnerMail(s.owner, { id: `attack@${s.key}.example`, subject: "Settings", body: "pause" }),
      from: s.owner,
    }),
    // Not "DMARC passed for example.com), not example.com)": one parenthesis, the domain checked, the domain it should be.
    expect: { rejected: /^Gensidig could not verify that this mail comes from owner@c10\.example \(DMARC passed for c10\.example\.evil\.example, which does not align with c10\.example\)\.$/ },
    unchanged: ALL,
  },

  // ── Attacks that already held ────────────────────────────────────────────────────────────────────────────
  {
    class: "held: forged item token",
    attack: "done 1 sent to gensidig+<token signed with another secret>@…",
    setup: seedContact,
    build: async (s) => {
      const to = await forgedReplyAddress(s, "wrong-secret");
      return { raw: withCloudflareVerdict(tokenReply(`${s.key}-attack`, s.owner, to, ["done 1"]), "pass", `${s.key}.example`), from: s.owner, to };
    },
    expect: { commandRefused: /^✗ Nothing in this mail was carried out: / },
    unchanged: allBut("messages"),
    holds: async (s) => expect(await rows("select address from contacts where owner_id = ? and done_at is not null", s.ownerId)).toEqual([]),
  },
  {
    class: "held: commands inside > quotes",
    attack: "a plain-text reply that says thanks and quotes forget <contact> confirm and pause with >",
    setup: seedContact,
    build: (s) => ({
      raw: fromOwner(s.owner, {
        id: `attack@${s.key}.example`,
        subject: "Re: Week 47: 3 to follow up with",
        body: `Thanks, looks good.\n\nOn Mon, 16 Nov 2026 at 08:00, Gensidig <gensidig@example.com> wrote:\n\n> forget ${s.contact} confirm\n> pause\n`,
      }),
      from: s.owner,
    }),
    expect: { commandRefused: /^I found no commands in your mail\./ },
    unchanged: allBut("messages"),
  },
  {
    class: "held: commands inside an Outlook header block",
    attack: "a reply that says thanks above Outlook's From:/Sent:/To:/Subject: block, commands below it",
    setup: seedContact,
    build: (s) => ({
      raw: fromOwner(s.owner, {
        id: `attack@${s.key}.example`,
        subject: "RE: Week 47: 3 to follow up with",
        body: [
          "Thanks, looks good.",
          "",
          "________________________________",
          "From: Gensidig <gensidig@example.com>",
          "Sent: Monday, 16 November 2026 08:00",
          `To: Camilla Olsen <${s.owner}>`,
          "Subject: Week 47: 3 to follow up with",
          "",
          `forget ${s.contact} confirm`,
          "pause",
        ].join("\n"),
      }),
      from: s.owner,
    }),
    expect: { commandRefused: /^I found no commands in your mail\./ },
    unchanged: allBut("messages"),
  },
  {
    class: "held: SQL, HTML and CRLF injection in a subject",
    attack: `a BCC'd mail whose Subject is ${SQL_HTML_CRLF} and an encoded word that decodes to CR LF Bcc: …`,
    build: (s) => ({
      raw: fromOwner(s.owner, { id: `attack@${s.key}.example`, subject: `${SQL_HTML_CRLF} ${CRLF_WORD}`, to: `Anna Holm <${s.contact}>`, body: "Hi Anna,\n\nCoffee soon?\n\nCamilla" }),
      from: s.owner,
    }),
    expect: { stored: true },
    unchanged: ["owner_addresses", "notes", "suppressions", "digests", "digest_items", "owners"],
    holds: async (s) => {
      const [stored] = await rows<{ subject: string }>("select i.subject from interactions i join contacts c on c.id = i.contact_id where i.owner_id = ? and c.address = ?", s.ownerId, s.contact);
      expect(stored.subject).toContain(SQL_HTML_CRLF);
      expect(stored.subject).toContain("victim@evil.example");
      expect(await rows("select address from contacts where owner_id = ?", s.ownerId)).toEqual([{ address: s.contact }]);
    },
  },
  {
    class: "held: SQL, HTML and CRLF injection in a command line",
    attack: "note <contact> with a DROP TABLE, a <script> and an encoded CR LF in its text",
    setup: seedContact,
    build: (s) => ({
      raw: fromOwner(s.owner, { id: `attack@${s.key}.example`, subject: "Notes", body: `note ${s.contact} ${SQL_HTML_CRLF} =0D=0ABcc: victim@evil.example` }),
      from: s.owner,
    }),
    expect: { commandRan: /^✓ note / },
    unchanged: ["owner_addresses", "contacts", "interactions", "suppressions", "digests", "digest_items", "owners"],
    holds: async (s) => {
      const notes = await rows<{ body: string }>("select body from notes where owner_id = ?", s.ownerId);
      expect(notes).toEqual([{ body: `${SQL_HTML_CRLF} =0D=0ABcc: victim@evil.example` }]);
    },
  },
  {
    class: "held: duplicate delivery",
    attack: "the same BCC'd mail delivered a second time, as a retrying server does",
    setup: async (s) => {
      const res = await deliverToWorker(duplicateOf(s), { from: s.owner });
      expect(res.rejected()).toBeNull();
    },
    build: (s) => ({ raw: duplicateOf(s), from: s.owner }),
    expect: { duplicate: true },
    unchanged: ALL,
  },
];

function duplicateOf(s: Scene): string {
  return fromOwner(s.owner, { id: `twice@${s.key}.example`, subject: "Coffee after Founders Friday?", to: `Anna Holm <${s.contact}>`, body: "Hi Anna,\n\nCoffee soon?\n\nCamilla" });
}

async function answersOf(res: { replies: string[]; sent: Array<{ raw: string }> }): Promise<string[]> {
  const raws = [...res.replies, ...res.sent.map((s) => s.raw)];
  return Promise.all(raws.map(async (r) => ((await PostalMime.parse(r)).text ?? "").replace(/\r\n/g, "\n")));
}

describe("issue 9 security suite: every attack through email(), in production configuration", () => {
  it.each(TABLE.map((row, i) => ({ ...row, index: i })))("$class — $attack", async (row) => {
    const key = `c${row.class.match(/^\d+/)?.[0] ?? `h${row.index}`}`;
    const owner = `owner@${key}.example`;
    const ownerId = (await seedOwner(owner, `token-${key}`, { name: "Camilla Olsen" })).id;
    const scene: Scene = { key, owner, ownerId, contact: `anna@${key}-people.example` };
    await row.setup?.(scene);
    const attack = await row.build(scene);
    const messageId = attack.raw.match(/^Message-ID: <([^>]+)>/im)?.[1];

    const before = await ownerSnapshot(ownerId);
    const res = await deliverToWorker(attack.raw, { from: attack.from, to: attack.to });
    const after = await ownerSnapshot(ownerId);
    const answers = await answersOf(res);
    const events = await rows<{ kind: string; reason: string }>("select kind, reason from mail_events where owner_id = ? and message_id = ?", ownerId, messageId);

    const o = row.expect;
    if ("rejected" in o) {
      expect(res.rejected()).toMatch(o.rejected);
      expect(answers).toEqual([]);
    } else {
      expect(res.rejected()).toBeNull();
    }
    if ("ignored" in o) {
      expect(events).toHaveLength(1);
      expect(events[0].kind).toBe("ignored");
      expect(events[0].reason).toMatch(o.ignored);
      if (o.told) {
        expect(answers).toHaveLength(1);
        expect(answers[0]).toMatch(o.told);
      } else {
        expect(answers).toEqual([]);
      }
    }
    if ("deadLetter" in o) {
      expect(events).toHaveLength(1);
      expect(events[0].kind).toBe("dead-letter");
      expect(events[0].reason).toMatch(o.deadLetter);
      expect(answers).toHaveLength(1);
      expect(answers[0]).toContain("none of it was run as a command");
    }
    if ("commandRefused" in o || "commandRan" in o) {
      expect(answers).toHaveLength(1);
      expect(answers[0]).toMatch("commandRefused" in o ? o.commandRefused : o.commandRan);
    }
    if ("stored" in o || "duplicate" in o) expect(answers).toEqual([]);

    const pick = (snap: typeof before) => Object.fromEntries(row.unchanged.map((t) => [t, snap[t]]));
    expect(pick(after)).toEqual(pick(before));
    await row.holds?.(scene);
  });
});
