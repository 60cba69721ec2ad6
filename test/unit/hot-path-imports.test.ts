// What each hot path loads in a fresh isolate: the modules its entry imports statically (the bundler defers each
// module's initialisation to its first import, so a dynamic import loads only when its branch runs). A mail, the
// hourly sweep, a digest job and a command mail's common lines bind SQL written ahead of time (src/db/hot-sql.ts,
// command-sql.ts) and must not load drizzle or the schema; a digest job must not load the mail parsers either. (The
// queue handler's other import, src/env.ts, has type imports alone.) Read from esbuild's own account of the bundle.
import * as esbuild from "esbuild";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Every module `entry` reaches through static imports, as paths relative to the project. */
async function staticClosure(entry: string): Promise<Set<string>> {
  const { metafile } = await esbuild.build({
    entryPoints: [path.join(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    // Runtime modules, and the Node builtin the Crisp parsers ask for (nodejs_compat provides it on Workers).
    external: ["cloudflare:*", "node:*", "module"],
    logLevel: "silent",
  });
  const reached = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length) {
    const input = metafile.inputs[queue.pop()!];
    for (const i of input?.imports ?? []) {
      if (i.kind !== "import-statement" || i.external || reached.has(i.path)) continue;
      reached.add(i.path);
      queue.push(i.path);
    }
  }
  return reached;
}

const DRIZZLE = /^node_modules\/drizzle-orm\/|^src\/db\/(schema|client|prepared)\.ts$/;
const MAIL_PARSERS = /^node_modules\/(postal-mime|email-reply-parser|email-forward-parser)\/|^src\/mail\/parse\.ts$/;
const COMMANDS_AND_CALENDAR = /^node_modules\/(chrono-node|ical\.js)\//;
// Judging which HTML an owner surely saw is for command mail only; capture reads every mail's HTML without it.
const COMMAND_HTML_READING = /^src\/mail\/html-(readable|own-text)\.ts$/;
// Deciding and wording a digest: a `status` line loads them when it runs.
const DIGEST_BUILDING = /^src\/digest\/(decide|view|render|render-html|render-text|schedule)\.ts$|^src\/i18n\/digest\.ts$/;

describe("what each hot path loads", () => {
  it.each([
    ["a mail", "src/ingest/email-handler.ts", [DRIZZLE, COMMANDS_AND_CALENDAR, DIGEST_BUILDING, COMMAND_HTML_READING]],
    ["the hourly sweep", "src/digest/sweep.ts", [DRIZZLE, MAIL_PARSERS, COMMANDS_AND_CALENDAR]],
    ["a digest job: the consumer", "src/digest/fanout.ts", [DRIZZLE, MAIL_PARSERS, COMMANDS_AND_CALENDAR]],
    ["a digest job: the digest it builds", "src/digest/run.ts", [DRIZZLE, MAIL_PARSERS, COMMANDS_AND_CALENDAR]],
    // A command mail's common lines (done, snooze 2w, never, note…) bind command-sql.ts; the rare ones, a date in
    // words and `status` load drizzle, chrono-node and the digest's deciding and wording when they run.
    ["a command mail", "src/commands/handle.ts", [DRIZZLE, COMMANDS_AND_CALENDAR, DIGEST_BUILDING]],
  ] as const)("%s (%s) loads none of what it must not", async (_name, entry, forbidden) => {
    const reached = [...(await staticClosure(entry))];
    expect(reached.length).toBeGreaterThan(1);
    expect(reached.filter((m) => forbidden.some((f) => f.test(m)))).toEqual([]);
  });

  it("sees drizzle where a path does load it: the rare command lines' queries", async () => {
    const reached = [...(await staticClosure("src/db/commands.ts"))];
    expect(reached.some((m) => DRIZZLE.test(m))).toBe(true);
  });
});
