// The HTTP API reads what a client asked for, and only that: a contact's address in the path is percent-decoded
// once (RFC 3986 §2.1), so no encoding trick looks up another address, and broken encoding is a 400, never a 500.
import { createExecutionContext, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../src/index";
import { fromOwner } from "../support/attacks";
import { deliverToWorker } from "../support/mail";
import { seedOwner } from "../support/owners";

const OWNER = "owner@percent.example";
const TOKEN = "percent-token";

async function get(path: string) {
  const res = await worker.fetch(new Request(`http://x${path}`, { headers: { authorization: `Bearer ${TOKEN}` } }), env, createExecutionContext());
  return { status: res.status, body: (await res.json()) as { error?: string; message?: string; contact?: { address: string } } };
}

beforeAll(async () => {
  await seedOwner(OWNER, TOKEN);
  // Two contacts whose addresses differ only by what a second decoding would make of one: "a%25b" and "a%b".
  const res = await deliverToWorker(
    fromOwner(OWNER, { id: "percent-bcc@percent.example", subject: "Coffee?", to: "A <a%25b@x.example>, B <a%b@x.example>", body: "Hi both, could we meet next week?" }),
    { from: OWNER },
  );
  expect(res.rejected()).toBeNull();
});

describe("GET /api/contacts/:address", () => {
  it("finds a contact whose address holds a percent sign, encoded once as clients do", async () => {
    const res = await get(`/api/contacts/${encodeURIComponent("a%25b@x.example")}`);
    expect(res.status).toBe(200);
    expect(res.body.contact?.address).toBe("a%25b@x.example");
  });

  it("decodes the path once: a%2525b%40x.example is a%25b@x.example, not a%b@x.example", async () => {
    const res = await get("/api/contacts/a%2525b%40x.example");
    expect(res.status).toBe(200);
    expect(res.body.contact?.address).toBe("a%25b@x.example");
  });

  it("answers a lone percent sign (%25) with a 400 that asks for an address, not a 500", async () => {
    expect(await get("/api/contacts/%25")).toEqual({ status: 400, body: { error: "bad-address", message: "Give a contact's email address." } });
  });

  it.each(["a%ZZb%40x.example", "a%E0%A4%40x.example", "a%40x.example%"])("refuses broken percent-encoding (%s) with a 400 that says so", async (segment) => {
    const res = await get(`/api/contacts/${segment}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("bad-address");
    expect(res.body.message).toMatch(/^The address in the path is not valid percent-encoding/);
  });
});
