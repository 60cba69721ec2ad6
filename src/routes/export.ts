import { Hono } from "hono";
import { getDb } from "../db/client";
import { EXPORT_MEDIA_TYPES, exportFileName } from "../export";
import { streamOwnerExport } from "../export/stream";
import { findOwnerById } from "../db/owner-lookup";
import { readConfig } from "../env";
import { verifyExportLink } from "../digest/token";
import { createMiddleware } from "hono/factory";
import { requireOwner, type AuthedEnv } from "./auth";

type Format = keyof typeof EXPORT_MEDIA_TYPES;
const FORMATS = Object.keys(EXPORT_MEDIA_TYPES) as Format[];

/** The owner of a signed export link (`?link=`, mailed by the `export` command), or else of the Bearer token. */
const linkOrToken = createMiddleware<AuthedEnv>(async (c, next) => {
  const link = c.req.query("link");
  if (link === undefined) return requireOwner(c, next);
  const verdict = await verifyExportLink(readConfig(c.env).tokenSecret, link, Date.now());
  const owner = verdict.valid ? await findOwnerById(c.env.DB, verdict.ownerId) : null;
  if (!owner) {
    const expired = !verdict.valid && verdict.reason === "expired";
    return c.json(
      { error: expired ? "link-expired" : "bad-link", message: expired ? "This export link has expired: write 'export' to the assistant for a new one." : "This export link is not valid." },
      401,
    );
  }
  c.set("owner", owner);
  await next();
});

export const exportRoutes = new Hono<AuthedEnv>().use(linkOrToken).get("/", async (c) => {
  const format = (c.req.query("format") ?? "json").toLowerCase() as Format;
  if (!FORMATS.includes(format)) {
    return c.json({ error: "bad-format", message: `format must be one of ${FORMATS.join(", ")}.` }, 400);
  }
  const owner = c.get("owner");
  const now = Date.now();
  // Streamed a page of contacts at a time: constant memory however large the network.
  return c.body(streamOwnerExport(getDb(c.env.DB), owner, format, now), 200, {
    "Content-Type": `${EXPORT_MEDIA_TYPES[format]}; charset=utf-8`,
    "Content-Disposition": `attachment; filename="${exportFileName(now, owner.timeZone, format)}"`,
    "Cache-Control": "no-store",
  });
});
