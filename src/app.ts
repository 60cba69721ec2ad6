import { Hono } from "hono";
import type { Env } from "./env";
import { contactsRoutes } from "./routes/contacts";
import { devRoutes } from "./routes/dev";
import { exportRoutes } from "./routes/export";
import { importRoutes } from "./routes/import";

export const app = new Hono<{ Bindings: Env }>();

app.get("/health", (c) => c.json({ ok: true }));
app.route("/api/contacts", contactsRoutes);
app.route("/api/export", exportRoutes);
app.route("/api/import", importRoutes);
app.route("/dev", devRoutes);

app.notFound((c) => c.json({ error: "not-found", message: `No route for ${c.req.method} ${c.req.path}.` }, 404));
app.onError((err, c) => {
  console.error(err);
  return c.json({ error: "internal", message: "Something went wrong on our side." }, 500);
});
