import { Hono } from "hono";
import { getDb } from "../db/client";
import { EXPORT_MEDIA_TYPES, exportFileName } from "../export";
import { streamOwnerExport } from "../export/stream";
import { requireOwner, type AuthedEnv } from "./auth";

type Format = keyof typeof EXPORT_MEDIA_TYPES;
const FORMATS = Object.keys(EXPORT_MEDIA_TYPES) as Format[];

export const exportRoutes = new Hono<AuthedEnv>().use(requireOwner).get("/", async (c) => {
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
