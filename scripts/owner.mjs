// npm run owner -- add ADDRESS [--alias A]… [--name N] [--timezone TZ] [--language en|da] [--token T] [--remote]
import { randomBytes } from "node:crypto";
import { ownerSql, parseArgs, requireNode22, wrangler } from "./lib.mjs";

requireNode22();
const argv = process.argv.slice(2);
const aliases = [];
for (let i = 0; i < argv.length; i++) if (argv[i] === "--alias") aliases.push(argv[i + 1]?.toLowerCase());
const { flags, positional } = parseArgs(argv.filter((a, i) => a !== "--alias" && argv[i - 1] !== "--alias"));
const [verb, address] = positional;
if (verb !== "add" || !address || !address.includes("@")) {
  console.error("usage: npm run owner -- add ADDRESS [--alias OTHER]… [--name NAME] [--timezone Europe/Copenhagen] [--language en|da] [--token TOKEN] [--remote]");
  process.exit(2);
}
const token = typeof flags.token === "string" ? flags.token : randomBytes(24).toString("base64url");
const sql = ownerSql({
  primary: address.toLowerCase(),
  aliases,
  token,
  name: typeof flags.name === "string" ? flags.name : null,
  timeZone: typeof flags.timezone === "string" ? flags.timezone : "Europe/Copenhagen",
  language: flags.language === "da" ? "da" : "en",
});
wrangler(["d1", "execute", "DB", flags.remote ? "--remote" : "--local", "--command", sql], { quiet: true });
console.log(`Owner ${address} is ready${flags.remote ? " (remote D1)" : " (local D1)"}.`);
console.log(`API token: ${token}   (shown once; only its SHA-256 is stored)`);
if (flags.remote) console.log(`Remember: add ${address} as a verified destination address in Email Routing, so digests can reach it.`);
