import { createMiddleware } from "hono/factory";
import { getDb } from "../db/client";
import { findOwnerByToken } from "../db/owners";
import type { Owner } from "../db/schema";
import type { Env } from "../env";

export type AuthedEnv = { Bindings: Env; Variables: { owner: Owner } };

/** Bearer token → owner. Every /api route answers for that owner only. */
export const requireOwner = createMiddleware<AuthedEnv>(async (c, next) => {
  const header = c.req.header("authorization") ?? "";
  const m = header.match(/^Bearer\s+(\S+)$/i);
  const owner = m ? await findOwnerByToken(getDb(c.env.DB), m[1]) : null;
  if (!owner) {
    return c.json({ error: "unauthorized", message: "Send the owner's API token as 'Authorization: Bearer <token>'." }, 401, {
      "WWW-Authenticate": 'Bearer realm="gensidig"',
    });
  }
  c.set("owner", owner);
  await next();
});
