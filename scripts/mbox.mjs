// mbox reading for `npm run import`: a byte stream in, one raw RFC 5322 message at a time out, so that a
// mailbox of several GB never sits in memory. Works on bytes, never decoded text: a mailbox mixes charsets.
//
// The format is RFC 4155 ("application/mbox"): each message starts with a "From " line (the From_ line) and
// is followed by an empty line. Writers escape body lines that would look like a From_ line. mboxrd (Gmail
// Takeout, Thunderbird, mutt) prefixes ">" to any line matching ^>*From , so reading strips one ">" from
// every line matching ^>+From . Files may use LF or CRLF; each line keeps its own ending.

/** Cloudflare Email Routing takes mail up to 25 MiB; a bigger message cannot have reached the worker either. */
export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
/** A From_ line is short; only this much of a line is looked at to recognise one. */
const FROM_LINE_PEEK = 256;

const LF = 0x0a;
const CR = 0x0d;
const GT = 0x3e;
const FROM_ = Buffer.from("From ");

// Gmail Takeout: "From 1780393593466497613@xxx Sat Oct 03 14:27:53 +0000 2020"; Thunderbird:
// "From - Sat Oct 03 14:27:53 2020". The asctime date tells a separator apart from body text that starts
// with "From " when a writer left out the empty line before it.
const FROM_LINE = /^From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) +(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} +\d{1,2}:\d{2}/;

function startsWithFrom(line, at = 0) {
  if (line.length - at < FROM_.length) return false;
  for (let i = 0; i < FROM_.length; i++) if (line[at + i] !== FROM_[i]) return false;
  return true;
}

function isBlank(line) {
  return (line.length === 1 && line[0] === LF) || (line.length === 2 && line[0] === CR && line[1] === LF);
}

/** mboxrd: ">From " → "From ", ">>From " → ">From ". Other lines are returned as they are. */
export function unescapeFromLine(line) {
  let i = 0;
  while (i < line.length && line[i] === GT) i++;
  return i > 0 && startsWithFrom(line, i) ? line.subarray(1) : line;
}

/** mboxrd writing, the inverse of unescapeFromLine: one ">" more on every line matching ^>*From . */
export function escapeFromLines(raw) {
  const text = Buffer.isBuffer(raw) ? raw.toString("latin1") : String(raw);
  return Buffer.from(text.replace(/^(>*From )/gm, ">$1"), "latin1");
}

/** One mbox entry in the mbox format: From_ line, escaped message, and the empty line that ends it. */
export function mboxEntry(raw, { sender = "-", date = new Date() } = {}) {
  const body = escapeFromLines(raw);
  const eol = body.includes("\r\n") ? "\r\n" : "\n";
  const ends = body.length === 0 || body[body.length - 1] === LF;
  return Buffer.concat([Buffer.from(`From ${sender} ${asctime(date)}${eol}`), body, Buffer.from(ends ? eol : eol + eol)]);
}

/** The C asctime() form From_ lines use, in UTC: "Thu Nov 26 23:21:36 2026". */
function asctime(date) {
  const [weekday, day, month, year, time] = date.toUTCString().replace(",", "").split(" ");
  return `${weekday} ${month} ${String(Number(day)).padStart(2, " ")} ${time} ${year}`;
}

/**
 * Splits an mbox byte stream into messages. `chunks` is any (async) iterable of Buffers, such as a
 * fs.createReadStream; chunk borders may fall anywhere, even inside a line ending.
 *
 * Yields { raw, start, end, size, oversize }: the message bytes without its From_ line, unescaped; the byte
 * offsets of the entry in the file (end = bytes read so far, for progress); and, for a message larger than
 * maxMessageBytes, oversize: true and raw: null (its bytes are counted, not kept).
 */
export async function* splitMbox(chunks, { maxMessageBytes = MAX_MESSAGE_BYTES } = {}) {
  const state = {
    offset: 0,
    current: null,
    heldBlank: null,
    afterBlank: true,
    done: [],
  };
  let pieces = [];
  let pieceBytes = 0;
  let longLine = false;

  for await (const input of chunks) {
    const chunk = Buffer.isBuffer(input) ? input : Buffer.from(input);
    let from = 0;
    while (from < chunk.length) {
      const nl = chunk.indexOf(LF, from);
      const stop = nl === -1 ? chunk.length : nl + 1;
      const piece = chunk.subarray(from, stop);
      from = stop;
      if (!longLine) {
        pieces.push(piece);
        pieceBytes += piece.length;
        // A line longer than a whole message can be is body text of an oversize message: keep its start
        // (to be sure it is no From_ line) and count the rest.
        if (pieceBytes > maxMessageBytes) {
          longLine = true;
          pieces = [Buffer.concat(pieces).subarray(0, FROM_LINE_PEEK)];
        }
      } else {
        pieceBytes += piece.length;
      }
      if (nl === -1) break;
      const line = pieces.length === 1 ? pieces[0] : Buffer.concat(pieces);
      onLine(state, line, longLine ? pieceBytes : line.length, maxMessageBytes);
      pieces = [];
      pieceBytes = 0;
      longLine = false;
    }
    yield* state.done;
    state.done = [];
  }
  if (pieceBytes > 0) {
    const line = pieces.length === 1 ? pieces[0] : Buffer.concat(pieces);
    onLine(state, line, longLine ? pieceBytes : line.length, maxMessageBytes);
  }
  // The empty line after the last message belongs to the format, not to the message.
  finish(state, state.offset);
  yield* state.done;
}

function onLine(state, line, length, maxMessageBytes) {
  const start = state.offset;
  state.offset += length;
  if (length === line.length && isBlank(line)) {
    if (state.heldBlank) append(state, state.heldBlank, maxMessageBytes);
    state.heldBlank = line;
    state.afterBlank = true;
    return;
  }
  const isFrom =
    length < FROM_LINE_PEEK && startsWithFrom(line) && (state.afterBlank || FROM_LINE.test(line.toString("latin1")));
  if (isFrom) {
    state.heldBlank = null;
    finish(state, start);
    state.current = { parts: [], bytes: 0, start, oversize: false };
    state.afterBlank = false;
    return;
  }
  if (!state.current) {
    throw new Error(`not an mbox file: byte ${start} should start a "From " line (RFC 4155)`);
  }
  if (state.heldBlank) {
    append(state, state.heldBlank, maxMessageBytes);
    state.heldBlank = null;
  }
  state.afterBlank = false;
  if (length !== line.length) {
    state.current.oversize = true;
    state.current.parts = [];
    state.current.bytes += length;
    return;
  }
  append(state, unescapeFromLine(line), maxMessageBytes);
}

function append(state, line, maxMessageBytes) {
  const cur = state.current;
  if (!cur) return;
  cur.bytes += line.length;
  if (cur.oversize) return;
  if (cur.bytes > maxMessageBytes) {
    cur.oversize = true;
    cur.parts = [];
    return;
  }
  cur.parts.push(line);
}

function finish(state, end) {
  const cur = state.current;
  if (!cur) return;
  state.current = null;
  state.done.push(
    cur.oversize
      ? { raw: null, start: cur.start, end, size: cur.bytes, oversize: true }
      : { raw: Buffer.concat(cur.parts), start: cur.start, end, size: cur.bytes, oversize: false },
  );
}
