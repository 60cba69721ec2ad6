// The owner's and the assistant's own addresses never become contacts, however a mail writes them: a quoted local
// part that needs no quotes (`"owner"@x`) and a domain with a trailing dot (`x.`) name the same mailbox (RFC 5322
// §3.4.1, RFC 1034 §3.1). Through the real email() handler, in production configuration.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { fromOwner, ownerAsks, threadReply } from "../support/attacks";
import { deliverToWorker } from "../support/mail";
import { seedOwner } from "../support/owners";

const OWNER = "owner@own-addresses.example";
const ASSISTANT = "gensidig@example.com";

const contacts = async () =>
  (await env.DB.prepare("select address from contacts order by address").all<{ address: string }>()).results.map((r) => r.address);

beforeAll(async () => {
  await seedOwner(OWNER, "own-addresses-token");
});

describe("the owner's and the assistant's own addresses, written otherwise", () => {
  it("a contact's reply Cc'ing both with quoted local parts: neither becomes a contact", async () => {
    const thread = { id: "quoted-ask@mail.gmail.com", to: "anna@quoted-c.example", cc: "bo@quoted-p.example" };
    expect((await deliverToWorker(ownerAsks(OWNER, thread), { from: OWNER })).rejected()).toBeNull();
    // Words that introduce: everyone new in Cc would become a contact, introduced by Anna.
    const reply = threadReply(OWNER, { threadId: thread.id, id: "quoted-reply@quoted-c.example", from: `Anna <${thread.to}>` })
      .replace("\r\nIn-Reply-To:", `\r\nCc: Owner Olsen <"owner"@own-addresses.example>, Gensidig <"gensidig"@example.com>\r\nIn-Reply-To:`)
      .replace("Here they are: https://slides.example.net/workshop", "Looping you in, let me introduce you to the two of them.");
    expect((await deliverToWorker(reply, { from: thread.to })).rejected()).toBeNull();
    expect(await contacts()).toEqual([thread.to, thread.cc]);
  });

  it("the owner's BCC capture To the assistant with a trailing dot and to the owner quoted: only the person written to is a contact", async () => {
    const mail = fromOwner(OWNER, {
      id: "trailing-dot@mail.gmail.com",
      subject: "Coffee next week?",
      to: `Karl <karl@trailing.example>, Gensidig <${ASSISTANT}.>, Me <"owner"@own-addresses.example>`,
      body: "Hi Karl, could we meet next week?",
    });
    expect((await deliverToWorker(mail, { from: OWNER })).rejected()).toBeNull();
    const written = (await contacts()).map((a) => a.replace(/"/g, "").replace(/\.$/, ""));
    expect(written).toContain("karl@trailing.example");
    expect(written).not.toContain(OWNER);
    expect(written).not.toContain(ASSISTANT);
  });
});
