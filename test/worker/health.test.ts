import { env, SELF } from "cloudflare:test";
import { expect, it } from "vitest";

it("answers /health without a token, on a migrated database", async () => {
  const res = await SELF.fetch("http://x/health");
  expect(res.status).toBe(200);
  const tables = await env.DB.prepare("select name from sqlite_master where type='table' and name='contacts'").all();
  expect(tables.results).toHaveLength(1);
});
