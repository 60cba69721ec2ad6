// npm run send -- mail.eml [--from A] [--to B] [--url URL] [--add-message-id]: delivers a local .eml to the
// running worker's email(), through wrangler's local email endpoint.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { addressOf, headerValue, LOCAL, LOCAL_URL, parseArgs } from "./lib.mjs";

const USAGE = "usage: npm run send -- mail.eml [more.eml …] [--from ENVELOPE_FROM] [--to ENVELOPE_TO] [--url http://127.0.0.1:8787] [--add-message-id]";

/** The mail with a Message-ID header in front, for mail saved without one (drafts, hand-written tests). */
function withMessageId(bytes) {
  return Buffer.concat([Buffer.from(`Message-ID: <${randomUUID()}@send.gensidig.local>\r\n`), bytes]);
}

async function main() {
  const { flags, positional } = parseArgs(process.argv.slice(2));
  if (positional.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const base = (typeof flags.url === "string" ? flags.url : LOCAL_URL).replace(/\/+$/, "");
  let failed = 0;
  for (const file of positional) {
    let bytes;
    try {
      bytes = await readFile(file);
    } catch (err) {
      console.error(`${file}: ${err.code === "ENOENT" ? "no such file" : err.code === "EISDIR" ? "is a folder; give .eml files" : err.message}`);
      failed++;
      continue;
    }
    const head = bytes.toString("latin1", 0, Math.min(bytes.length, 64 * 1024));
    if (!headerValue(head, "Message-ID")) {
      if (!flags["add-message-id"]) {
        console.error(
          `${file}: has no Message-ID header. Email Routing refuses such mail, and so does wrangler's local endpoint (with a bare 400).\n` +
            `  Send it with --add-message-id to give it one, or add a "Message-ID: <something@your-domain>" line to its headers.`,
        );
        failed++;
        continue;
      }
      bytes = withMessageId(bytes);
    }
    // The envelope sender is the header From's address, unless --from says otherwise.
    const from = typeof flags.from === "string" ? flags.from : addressOf(headerValue(head, "From"));
    const to = typeof flags.to === "string" ? flags.to : LOCAL.assistant;
    if (!from) {
      console.error(`${file}: no From header; pass --from`);
      failed++;
      continue;
    }
    const url = `${base}/cdn-cgi/handler/email?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    try {
      const res = await fetch(url, { method: "POST", body: bytes, headers: { "content-type": "message/rfc822" } });
      const body = (await res.text()).trim();
      console.log(`${file}: ${res.status} ${body || res.statusText}`);
      if (!res.ok) failed++;
    } catch (err) {
      console.error(`${file}: could not reach ${base} (is \`npm start\` running?): ${err.cause?.code ?? err.message}`);
      failed++;
    }
  }
  return failed ? 1 : 0;
}

process.exit(await main());
