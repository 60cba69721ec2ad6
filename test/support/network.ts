// The people and dates the judgement tests share, and the one history most of them start from.
import { at, DAY, type Replay, type Sent, type Who } from "./replay";

export const LARS: Who = { name: "Lars Winther", address: "lars@winther.dk" };
export const TOM: Who = { name: "Tom Becker", address: "tom@becker.studio" };
export const KAREN: Who = { name: "Karen Bech", address: "karen@bech-revision.dk" };
export const METTE: Who = { name: "Mette Riis", address: "mette@riis-kommunikation.dk" };
export const JONAS: Who = { name: "Jonas Krøll", address: "jonas@kroll-arkitekter.dk" };
export const JESPER: Who = { name: "Jesper Dahl", address: "jesper@dahl-byg.dk" };

/** A distinct owner address per test case: storage is shared by the tests of a file. */
export const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40);

/** Monday 16 November 2026, 08:00 in Copenhagen: the digest after the mails of the week before. */
export const MONDAY = at("2026-11-16T08:00:00+01:00");
export const NEXT_MONDAY = MONDAY + 7 * DAY;

/** An earlier exchange, backfilled: the owner wrote in spring and they answered (a two-way tie). Returns the owner's mail. */
export async function knownTie(r: Replay, who: Who, day = "2026-04-14"): Promise<Sent> {
  const [first] = await r.backfill([{ at: `${day}T10:00:00+02:00`, from: r.me, to: [who], subject: "Tak for i går", body: `Hej ${who.name.split(" ")[0]},\n\nTak for en god snak på Founders Friday.\n\nSofie` }], at(`${day}T12:00:00+02:00`));
  await r.backfill(
    [{ at: `${day}T18:00:00+02:00`, from: who, to: [r.me], subject: "Re: Tak for i går", body: "I lige måde, vi ses.", inReplyTo: first }],
    at(`${day}T19:00:00+02:00`),
  );
  return first;
}
