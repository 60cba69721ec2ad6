// Unicode variants of the owner's and a participant's address: a character that only lower-cases to an ASCII letter
// (KELVIN SIGN) names another mailbox, never the owner's; homoglyph, punycode and zero-width variants neither.
import { describe, expect, it } from "vitest";
import { arc, deliver, dump, raw, scene, threadReply, COMMANDS, expectRefusedUntouched } from "../support/round2";

// ── K. Unicode and IDN variants of the owner's address ─────────────────────────────────────────────────────
describe("K. Unicode variants of the owner's address", () => {
  it("K1 KELVIN SIGN (U+212A) for the k of the owner's local part, in From and envelope, DMARC pass for the domain: not the owner", async () => {
    const s = await scene("K1", { local: "kamilla" });
    const spoof = `\u212Aamilla@${s.domain}`;
    const m = arc("pass", s.domain) + raw({ from: `Kamilla <${spoof}>`, body: COMMANDS(s) });
    await expectRefusedUntouched(s, new TextEncoder().encode(m), { from: spoof });
  });

  it("K2 the owner's genuine From, but an envelope sender that only lower-cases to the owner's (KELVIN SIGN): refused", async () => {
    const s = await scene("K2", { local: "kamilla" });
    const m = arc("pass", s.domain) + raw({ from: `Kamilla <${s.owner}>`, body: COMMANDS(s) });
    await expectRefusedUntouched(s, m, { from: `\u212Aamilla@${s.domain}` });
  });

  it("K3 a homoglyph of the owner's domain (Cyrillic е), DMARC pass for that look-alike domain: refused", async () => {
    const s = await scene("K3");
    const lookalike = s.domain.replace("example", "\u0435xample");
    const m = arc("pass", lookalike) + raw({ from: `Owner Olsen <owner@${lookalike}>`, body: COMMANDS(s) });
    await expectRefusedUntouched(s, new TextEncoder().encode(m), { from: `owner@${lookalike}` });
  });

  it("K4 the punycode spelling of a look-alike domain: refused", async () => {
    const s = await scene("K4");
    const puny = `xn--${s.domain.replace(/\./g, "-")}-9na.example`;
    const m = arc("pass", puny) + raw({ from: `Owner Olsen <owner@${puny}>`, body: COMMANDS(s) });
    await expectRefusedUntouched(s, m, { from: `owner@${puny}` });
  });

  it("K5 a zero-width space inside the owner's local part: refused", async () => {
    const s = await scene("K5");
    const spoof = `own\u200Ber@${s.domain}`;
    const m = arc("pass", s.domain) + raw({ from: `Owner Olsen <${spoof}>`, body: COMMANDS(s) });
    await expectRefusedUntouched(s, new TextEncoder().encode(m), { from: spoof });
  });

  it("K6 a thread participant's address spelled with KELVIN SIGN (another mailbox on their domain) is not the participant", async () => {
    const s = await scene("K6", { to: "kate@k6-c.example" });
    const spoof = "\u212Aate@k6-c.example";
    const before = await dump(s.ownerId);
    const m = arc("pass", "k6-c.example") + threadReply(s, { from: `Kate <${spoof}>`, id: `${s.tag}-kelvin@c.example`, body: COMMANDS(s) });
    const res = await deliver(new TextEncoder().encode(m), { from: spoof });
    expect(res.outcome.status).toBe("rejected");
    expect(await dump(s.ownerId)).toEqual(before);
  });
});

