// Where `wrangler dev` put the mail the worker sent. Locally, send_email delivers nothing: it writes each
// message as an .eml file under .wrangler/tmp/…/email/ (or under --persist-to's tmp) and logs the path.
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import PostalMime from "postal-mime";

/** How deep to look below a .wrangler folder; wrangler's email folders sit three or four levels down. */
const MAX_DEPTH = 8;

async function emlFilesBelow(dir, depth = 0) {
  if (depth > MAX_DEPTH) return [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out = [];
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await emlFilesBelow(path, depth + 1)));
    else if (e.isFile() && e.name.endsWith(".eml")) out.push(path);
  }
  return out;
}

/**
 * The newest .eml written at or after `since` (ms) below any of `roots`, or null. Polls briefly: the file is
 * written while the request that sent it is still answering.
 */
export async function newestSentMail(roots, since, { waitMs = 3000 } = {}) {
  const until = Date.now() + waitMs;
  for (;;) {
    let best = null;
    for (const root of roots) {
      for (const path of await emlFilesBelow(root)) {
        const { mtimeMs } = await stat(path);
        // File times can be a little coarser than Date.now(); allow for that.
        if (mtimeMs >= since - 1000 && (!best || mtimeMs > best.mtimeMs)) best = { path, mtimeMs };
      }
    }
    if (best || Date.now() > until) return best?.path ?? null;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The plain-text and HTML parts of a sent .eml. */
export async function readSentMail(path) {
  const email = await PostalMime.parse(await readFile(path));
  return { subject: email.subject ?? "", to: email.to?.map((a) => a.address).join(", ") ?? "", text: email.text ?? "", html: email.html ?? "" };
}
