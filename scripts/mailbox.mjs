// A mailbox on disk, read one message at a time: an .mbox file (Gmail Takeout, Thunderbird, Apple Mail
// export), a folder of .eml files (searched recursively, in name order), or a single .eml file.
import { createReadStream } from "node:fs";
import { open, readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { MAX_MESSAGE_BYTES, splitMbox } from "./mbox.mjs";

/** Read size for mbox files: big enough that reading is cheap, small enough to keep memory flat. */
const READ_CHUNK_BYTES = 1024 * 1024;

async function emlFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await emlFiles(path)));
    else if (entry.isFile() && entry.name.toLowerCase().endsWith(".eml")) out.push(path);
  }
  return out.sort();
}

async function startsWithFromLine(path) {
  const handle = await open(path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    return buffer.subarray(0, bytesRead).toString("latin1") === "From ";
  } finally {
    await handle.close();
  }
}

async function* readEmls(files) {
  let end = 0;
  for (const file of files) {
    const { size } = await stat(file);
    end += size;
    if (size > MAX_MESSAGE_BYTES) yield { raw: null, size, end, oversize: true, name: file };
    else yield { raw: await readFile(file), size, end, oversize: false, name: file };
  }
}

/**
 * Opens `path` and says how big it is, for progress. `messages` yields { raw, size, end, oversize } with
 * `end` the bytes read so far; raw is null for a message over 25 MiB.
 */
export async function openMailbox(path) {
  const info = await stat(path);
  if (info.isDirectory()) {
    const files = await emlFiles(path);
    let totalBytes = 0;
    for (const f of files) totalBytes += (await stat(f)).size;
    return { kind: "folder", files: files.length, totalBytes, messages: readEmls(files) };
  }
  if (info.size === 0 || (await startsWithFromLine(path))) {
    return {
      kind: "mbox",
      totalBytes: info.size,
      messages: splitMbox(createReadStream(path, { highWaterMark: READ_CHUNK_BYTES })),
    };
  }
  return { kind: "eml", files: 1, totalBytes: info.size, messages: readEmls([path]) };
}
