// npm run send -- mail.eml [--from A] [--to B] [--url URL]: delivers a local .eml to the running worker's email().
import { readFileSync } from "node:fs";
import { addressOf, headerValue, LOCAL, LOCAL_URL, parseArgs } from "./lib.mjs";

const { flags, positional } = parseArgs(process.argv.slice(2));
if (positional.length === 0) {
  console.error("usage: npm run send -- mail.eml [more.eml …] [--from ENVELOPE_FROM] [--to ENVELOPE_TO] [--url http://127.0.0.1:8787]");
  process.exit(2);
}

let failed = 0;
for (const file of positional) {
  const bytes = readFileSync(file);
  // The envelope sender is the header From's address, unless --from says otherwise.
  const from = flags.from ?? addressOf(headerValue(bytes.toString("latin1"), "From"));
  const to = flags.to ?? LOCAL.assistant;
  if (!from) {
    console.error(`${file}: no From header; pass --from`);
    failed++;
    continue;
  }
  const url = `${flags.url ?? LOCAL_URL}/cdn-cgi/handler/email?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  try {
    const res = await fetch(url, { method: "POST", body: bytes, headers: { "content-type": "message/rfc822" } });
    const body = (await res.text()).trim();
    console.log(`${file}: ${res.status} ${body || res.statusText}`);
    if (!res.ok) failed++;
  } catch (err) {
    console.error(`${file}: could not reach ${flags.url ?? LOCAL_URL} (is \`npm start\` running?): ${err.message}`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
