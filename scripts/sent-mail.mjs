// Where `wrangler dev` put the mail the worker sent. Locally, send_email delivers nothing: it writes each
// message as an .eml file under .wrangler/tmp/…/email/ (or under --persist-to's tmp) and logs the path.
import { open, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import PostalMime from "postal-mime";
import { headerValue } from "./lib.mjs";

/** How deep to look below a .wrangler folder; wrangler's email folders sit three or four levels down. */
const MAX_DEPTH = 8;
/** The header block of a sent mail fits in this many bytes (the Message-ID is near the top). */
const HEAD_BYTES = 16 * 1024;

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

/** The Message-ID of a raw mail, without angle brackets, or null. Reads only the header block. */
function messageIdOf(raw) {
  return headerValue(raw, "Message-ID")?.replace(/^<|>$/g, "") ?? null;
}

/**
 * The .eml below any of `roots` whose Message-ID is `messageId`, or null. The worker returns the Message-ID of
 * what it sent, so this names that mail exactly, whatever else was sent around the same time. Polls briefly:
 * the file is written while the request that sent it is still answering.
 */
export async function findSentMail(roots, messageId, { waitMs = 3000 } = {}) {
  const wanted = messageId.replace(/^<|>$/g, "");
  const until = Date.now() + waitMs;
  for (;;) {
    for (const root of roots) {
      for (const path of await emlFilesBelow(root)) {
        const handle = await open(path);
        try {
          const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEAD_BYTES), 0, HEAD_BYTES, 0);
          if (messageIdOf(buffer.subarray(0, bytesRead).toString("latin1")) === wanted) return path;
        } finally {
          await handle.close();
        }
      }
    }
    if (Date.now() > until) return null;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The plain-text and HTML parts of a sent .eml. */
export async function readSentMail(path) {
  const email = await PostalMime.parse(await readFile(path));
  return { messageId: email.messageId ?? "", subject: email.subject ?? "", to: email.to?.map((a) => a.address).join(", ") ?? "", text: email.text ?? "", html: email.html ?? "" };
}
