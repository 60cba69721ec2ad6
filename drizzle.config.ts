import { defineConfig } from "drizzle-kit";

// drizzle-kit writes flat NNNN_name.sql files, which `wrangler d1 migrations apply` reads as they are.
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema.ts",
  out: "./migrations",
});
