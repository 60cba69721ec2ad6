// The owner answers a mail the assistant never saw; the quote tells who wrote it, and its words are read as theirs.
// Its subject is read as theirs only when it was their own: an answer to an introduction keeps the introducer's
// "Intro: …" subject, which says nothing of the answer.
import { describe, expect, it } from "vitest";
import { understandOwnerMail } from "../../src/ingest/understand";
import { parseMail } from "../../src/mail/parse";

async function quotedIntent(subject: string, references: string[]) {
  const raw = [
    "From: Dana Whitfield <dana@whitfield.example>",
    "To: Priya Shah <priya@bluebonnet.example>",
    `Subject: ${subject}`,
    "Message-ID: <owner-2@mail.gmail.com>",
    `In-Reply-To: ${references[references.length - 1]}`,
    `References: ${references.join(" ")}`,
    "Date: Tue, 28 Apr 2026 13:15:27 -0500",
    "Content-Type: text/plain; charset=UTF-8",
    "",
    "Hi Priya,",
    "",
    "Lovely to meet you too! Tuesday at 2pm works great.",
    "",
    "Dana",
    "",
    "On Tue, Apr 28, 2026 at 11:02 AM Priya Shah <priya@bluebonnet.example> wrote:",
    "> Dana, lovely to meet you, and thanks for the note. Would a call on Tuesday at 2pm suit you?",
    "> Priya",
  ].join("\r\n");
  const u = understandOwnerMail({
    mail: await parseMail(raw),
    envelopeTo: "gensidig@example.com",
    assistantLocal: "gensidig",
    assistantDomain: "example.com",
    ownerAddresses: ["dana@whitfield.example"],
    knownMessageIds: new Set(),
    suppressions: [],
    receivedAt: Date.parse("2026-04-28T19:00:00Z"),
  });
  if (u.kind !== "capture") throw new Error(u.kind);
  const theirs = u.events.find((e) => e.direction === "in" && e.address === "priya@bluebonnet.example");
  if (!theirs) throw new Error("no event for the quoted mail");
  return theirs.intent;
}

describe("the quoted mail's subject", () => {
  it("an answer in an introduction's thread (References name its parent) introduces no one", async () => {
    expect((await quotedIntent("Re: Intro: Dana Whitfield <> Priya Shah", ["<intro@outlook.com>", "<priya-1@mail.gmail.com>"])).gift).toBeNull();
  });
  it("a reply tag on a reply's tag says the same", async () => {
    expect((await quotedIntent("SV: Re: Intro: Dana Whitfield <> Priya Shah", ["<priya-1@mail.gmail.com>"])).gift).toBeNull();
  });
  it("the first mail of its thread keeps its own subject: an introduction", async () => {
    expect((await quotedIntent("Re: Intro: Dana Whitfield <> Tom Becker", ["<priya-1@mail.gmail.com>"])).gift).toBe("introduction");
  });
});
