// npm run digest [-- --owner ADDRESS] [--now ISO] [--url URL]: sends the weekly digest now from the running
// local worker (npm start), whatever the weekday, and says where wrangler wrote the mail.
import { join } from "node:path";
import { LOCAL, LOCAL_URL, parseArgs, ROOT } from "./lib.mjs";
import { findSentMail } from "./sent-mail.mjs";

const { flags } = parseArgs(process.argv.slice(2));
const url = (typeof flags.url === "string" ? flags.url : LOCAL_URL).replace(/\/+$/, "");
const owner = typeof flags.owner === "string" ? flags.owner : LOCAL.owner;
const query = new URLSearchParams({ owner });
if (typeof flags.now === "string") query.set("now", flags.now);

let res;
try {
  res = await fetch(`${url}/dev/digest?${query}`, { method: "POST" });
} catch (err) {
  console.error(`Could not reach ${url} (${err.cause?.code ?? err.message}). Start the worker first: npm start`);
  process.exit(1);
}
const body = await res.json().catch(() => ({}));
if (!res.ok) {
  console.error(`The worker answered ${res.status}: ${body.message ?? res.statusText}`);
  if (res.status === 404 && /Development routes/.test(body.message ?? "")) console.error("npm run digest needs the local worker started by `npm start`.");
  if (res.status === 404 && /No owner/.test(body.message ?? "")) console.error("Add one with: npm run owner -- add ADDRESS");
  process.exit(1);
}

console.log(`Digest sent to ${body.to}: "${body.subject}" (${body.items} item${body.items === 1 ? "" : "s"}).`);
const file = await findSentMail([join(ROOT, ".wrangler")], body.messageId);
if (file) console.log(`wrangler wrote it to ${file}`);
else console.log("wrangler writes sent mail as .eml files under .wrangler/tmp/; see the `npm start` terminal for the path.");
