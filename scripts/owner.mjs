// npm run owner -- add ADDRESS [--alias A]… [--name N] [--timezone TZ] [--language en|da] [--token T]
//                  token ADDRESS        a new API token; the old one stops working
//                  list                 the owners, their addresses and settings
// Each with --remote for the deployed D1 (default: the local one; --persist-to DIR for another local one).
// Every value is checked before anything is written: a refused command changes nothing.
import { randomBytes } from "node:crypto";
import { d1Query, parseArgs, requireNode22, sha256Hex, sqlString, ownerSql, zoneOffsetsFor } from "./lib.mjs";

const USAGE = `usage: npm run owner -- add ADDRESS [--alias OTHER]… [--name NAME] [--timezone Europe/Copenhagen] [--language en|da] [--token TOKEN] [--remote]
       npm run owner -- token ADDRESS [--remote]     issue a new API token (the old one stops working)
       npm run owner -- list [--remote]              show the owners`;
const LANGUAGES = { en: "English", da: "Danish" };
const WEEKDAYS = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
/** Shortest API token accepted from --token: 128 bits as base64url. */
const MIN_TOKEN_CHARS = 22;

/** Refuses with a clear message; nothing has been written when this runs. */
function refuse(message) {
  console.error(message);
  process.exit(2);
}

/**
 * One bare address (RFC 5321 mailbox, dot-atom local part): "anna@x.dk". Not a display name, not a list, no
 * empty side, a domain with a dot and no empty label.
 */
export function checkAddress(value, what = "address") {
  const address = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (!address) return { error: `The ${what} is missing.` };
  if (/[<>]/.test(address)) return { error: `The ${what} "${value}" has a display name or angle brackets; give the bare address, e.g. anna@x.dk.` };
  if (/[,;\s]/.test(address)) return { error: `The ${what} "${value}" is more than one address; give one (use --alias for more).` };
  const at = address.lastIndexOf("@");
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  const atom = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
  const label = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
  if (at <= 0 || !domain) return { error: `The ${what} "${value}" is not an email address (it needs a name before and a domain after the @), e.g. anna@x.dk.` };
  if (!local.split(".").every((part) => atom.test(part))) return { error: `The ${what} "${value}" has a local part mail servers do not accept.` };
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((l) => label.test(l))) return { error: `The ${what} "${value}" has no valid domain (such as x.dk) after the @.` };
  return { address };
}

export function checkTimeZone(value) {
  try {
    // Intl knows the IANA zones; the worker schedules digests with the same Intl.
    const canonical = new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
    return { timeZone: canonical };
  } catch {
    return { error: `Unknown time zone "${value}". Use an IANA name such as Europe/Copenhagen, Europe/London or America/New_York.` };
  }
}

function where(flags) {
  return { remote: !!flags.remote, persistTo: typeof flags["persist-to"] === "string" ? flags["persist-to"] : undefined };
}

function newToken() {
  return randomBytes(24).toString("base64url");
}

async function existingAddresses(addresses, target) {
  const rows = await d1Query(`SELECT address FROM owner_addresses WHERE address IN (${addresses.map(sqlString).join(", ")});`, target);
  return rows.map((r) => r.address);
}

async function add(address, aliases, flags) {
  const primary = checkAddress(address);
  if (primary.error) refuse(primary.error);
  const checkedAliases = aliases.map((a) => checkAddress(a, "alias"));
  const badAlias = checkedAliases.find((a) => a.error);
  if (badAlias) refuse(badAlias.error);
  const all = [primary.address, ...checkedAliases.map((a) => a.address)];
  if (new Set(all).size !== all.length) refuse("The same address is given twice.");
  for (const name of ["name", "timezone", "language", "token"]) {
    if (flags[name] === true) refuse(`--${name} needs a value.`);
  }
  const language = flags.language ?? "en";
  if (!(language in LANGUAGES)) refuse(`Unknown language "${language}". Gensidig speaks en (English) and da (Danish).`);
  const zone = checkTimeZone(flags.timezone ?? "Europe/Copenhagen");
  if (zone.error) refuse(zone.error);
  if (flags.token !== undefined && String(flags.token).length < MIN_TOKEN_CHARS) refuse(`--token must be at least ${MIN_TOKEN_CHARS} characters; leave it out to get a random one.`);

  const target = where(flags);
  const taken = await existingAddresses(all, target);
  if (taken.length) {
    refuse(
      `${taken.join(", ")} already belong${taken.length === 1 ? "s" : ""} to an owner; nothing was changed.\n` +
        `A new API token for them: npm run owner -- token ${taken[0]}${flags.remote ? " --remote" : ""}`,
    );
  }
  const token = flags.token ?? newToken();
  const zoneOffsets = await zoneOffsetsFor(zone.timeZone);
  await d1Query(ownerSql({ primary: primary.address, aliases: all.slice(1), token, name: flags.name ?? null, timeZone: zone.timeZone, language, zoneOffsets }), target);
  console.log(`Owner ${primary.address} is ready${target.remote ? " (remote D1)" : " (local D1)"}: ${LANGUAGES[language]}, ${zone.timeZone}, digest on Mondays at 08:00.`);
  if (all.length > 1) console.log(`Also theirs: ${all.slice(1).join(", ")}`);
  console.log(`API token: ${token}   (shown once; only its SHA-256 is stored)`);
  if (target.remote) console.log(`Remember: add ${primary.address} as a verified destination address in Email Routing, so digests can reach it.`);
}

async function reissue(address, flags) {
  const checked = checkAddress(address);
  if (checked.error) refuse(checked.error);
  const target = where(flags);
  const token = newToken();
  const updated = await d1Query(
    `UPDATE owners SET api_token_hash = ${sqlString(sha256Hex(token))} WHERE id = (SELECT owner_id FROM owner_addresses WHERE address = ${sqlString(checked.address)}) RETURNING primary_address;`,
    target,
  );
  if (!updated.length) refuse(`No owner has the address ${checked.address}. Add one with: npm run owner -- add ${checked.address}`);
  console.log(`New API token for ${checked.address}: ${token}   (shown once; the old token no longer works)`);
}

async function list(flags) {
  const rows = await d1Query(
    `SELECT o.primary_address, o.name, o.language, o.time_zone, o.digest_weekday, o.digest_hour, o.paused,
            (SELECT group_concat(a.address, ', ') FROM owner_addresses a WHERE a.owner_id = o.id AND a.is_primary = 0) AS aliases
       FROM owners o ORDER BY o.id;`,
    where(flags),
  );
  if (!rows.length) {
    console.log("No owners yet. Add one with: npm run owner -- add ADDRESS");
    return;
  }
  for (const r of rows) {
    const when = `${WEEKDAYS[r.digest_weekday] ?? "?"}s at ${String(r.digest_hour).padStart(2, "0")}:00 ${r.time_zone}`;
    console.log(`${r.primary_address}${r.name ? ` (${r.name})` : ""}: ${LANGUAGES[r.language] ?? r.language}, digest ${when}${r.paused ? ", paused" : ""}`);
    if (r.aliases) console.log(`  also: ${r.aliases}`);
  }
}

async function main() {
  requireNode22();
  const argv = process.argv.slice(2);
  const aliases = [];
  for (let i = 0; i < argv.length; i++) if (argv[i] === "--alias") aliases.push(argv[i + 1] ?? "");
  const { flags, positional } = parseArgs(argv.filter((a, i) => a !== "--alias" && argv[i - 1] !== "--alias"));
  const [verb, address, ...extra] = positional;
  if (verb === "add" && address !== undefined && !extra.length) return add(address, aliases, flags);
  if (verb === "token" && address !== undefined && !extra.length) return reissue(address, flags);
  if (verb === "list" && address === undefined) return list(flags);
  if (verb === "add" && extra.length) {
    // `add Anna <anna@x.dk>` or `add a@x.dk b@x.dk` unquoted: the shell split it.
    const joined = checkAddress([address, ...extra].join(" "));
    refuse(joined.error ?? USAGE);
  }
  refuse(USAGE);
}

try {
  await main();
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
