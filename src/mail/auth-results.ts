// Reads an ARC-Authentication-Results header (RFC 8617 §4.1.1) whose payload is an Authentication-Results
// payload (RFC 8601 §2.2). Pure: a header value in, its structure out. What the structure means for trust
// is decided in ingest/authenticate.ts.
//
// The grammar matters for safety: the sender controls text that lands inside the receiver's own header (the
// SPF comment quotes the envelope sender, smtp.mailfrom and header.d repeat what the sender chose). Only
// the structure (method clauses, their properties) carries meaning; comments and quoted strings never do.

/** RFC 8617 §4.2.1: instance values run from 1 to 50. */
export const ARC_MAX_INSTANCE = 50;

export interface AuthProperty {
  /** ptype, lower-cased: "header", "smtp", "policy", "body". */
  type: string;
  /** property, lower-cased: "from", "d", "mailfrom", "dmarc". */
  property: string;
  /** The value as written, comments removed and a quoted string unquoted. */
  value: string;
}

export interface AuthMethodResult {
  /** Lower-cased, without a "/version". */
  method: string;
  /** Lower-cased: "pass", "fail", "none", … */
  result: string;
  reason: string | null;
  properties: AuthProperty[];
}

export interface ArcAuthResults {
  instance: number;
  /** Lower-cased. */
  authservId: string;
  results: AuthMethodResult[];
}

export type ArcAuthParse = { ok: true; value: ArcAuthResults } | { ok: false; error: string };

type Token = { kind: "word" | "quoted"; text: string; joined: boolean } | { kind: ";" | "="; text: string; joined: boolean };

const WHITESPACE = new Set([" ", "\t", "\r", "\n"]);
const DELIMITERS = new Set([" ", "\t", "\r", "\n", "(", ")", '"', ";", "="]);

/**
 * Splits a header value into words, quoted strings, ";" and "=". Comments (RFC 5322 §3.2.2 CFWS,
 * nested, with quoted-pairs) are dropped, so nothing written inside one can become a token. `joined`
 * says the token follows the previous one with nothing between, as in `"local"@domain`.
 */
class Lexer {
  private pos = 0;
  constructor(private readonly text: string) {}

  /** The next token, null at the end; throws a ParseError on an unterminated comment or quoted string. */
  next(): Token | null {
    const start = this.pos;
    this.skipCfws();
    if (this.pos >= this.text.length) return null;
    const joined = this.pos === start;
    const c = this.text[this.pos];
    if (c === ";" || c === "=") {
      this.pos++;
      return { kind: c, text: c, joined };
    }
    if (c === ")") throw new ParseError("a comment closes that never opened");
    if (c === '"') return { kind: "quoted", text: this.quoted(), joined };
    let end = this.pos;
    while (end < this.text.length && !DELIMITERS.has(this.text[end])) end++;
    const text = this.text.slice(this.pos, end);
    this.pos = end;
    return { kind: "word", text, joined };
  }

  private skipCfws(): void {
    for (;;) {
      while (this.pos < this.text.length && WHITESPACE.has(this.text[this.pos])) this.pos++;
      if (this.text[this.pos] !== "(") return;
      let depth = 0;
      do {
        const c = this.text[this.pos++];
        if (c === undefined) throw new ParseError("a comment never closes");
        if (c === "\\") this.pos++;
        else if (c === "(") depth++;
        else if (c === ")") depth--;
      } while (depth > 0);
    }
  }

  private quoted(): string {
    let out = "";
    for (this.pos++; ; ) {
      const c = this.text[this.pos++];
      if (c === undefined) throw new ParseError("a quoted string never closes");
      if (c === '"') return out;
      if (c === "\\") {
        const escaped = this.text[this.pos++];
        if (escaped === undefined) throw new ParseError("a quoted string never closes");
        out += escaped;
      } else out += c;
    }
  }
}

class ParseError extends Error {}

const KEYWORD = /^[a-z0-9-]+$/i;
const METHOD = /^([a-z0-9-]+)(?:\/\d+)?$/i;
const PROPERTY = /^([a-z0-9-]+)\.([a-z0-9-]+)$/i;

/** Reads `i=N;` at the start of a value: enough to rank headers the rest of which may be anything. */
export function arcInstance(value: string): number | null {
  try {
    const lexer = new Lexer(value);
    return readInstance(lexer);
  } catch {
    return null;
  }
}

function readInstance(lexer: Lexer): number | null {
  const i = lexer.next();
  const eq = lexer.next();
  const n = lexer.next();
  const semi = lexer.next();
  if (i?.kind !== "word" || i.text.toLowerCase() !== "i" || eq?.kind !== "=" || n?.kind !== "word" || semi?.kind !== ";") return null;
  if (!/^\d{1,2}$/.test(n.text)) return null;
  const instance = Number(n.text);
  return instance >= 1 && instance <= ARC_MAX_INSTANCE ? instance : null;
}

/**
 * Parses `i=N; authserv-id [version] ( ; none | 1*( ; method=result [reason=value] *ptype.property=value ) )`.
 * Anything outside that grammar fails the whole header rather than being guessed at: a header that
 * cannot be read is no verdict.
 */
export function parseArcAuthResults(value: string): ArcAuthParse {
  try {
    return { ok: true, value: parse(value) };
  } catch (err) {
    if (err instanceof ParseError) return { ok: false, error: err.message };
    throw err;
  }
}

function parse(value: string): ArcAuthResults {
  const lexer = new Lexer(value);
  const instance = readInstance(lexer);
  if (instance === null) throw new ParseError(`it does not start with an instance number from 1 to ${ARC_MAX_INSTANCE}`);

  const tokens: Token[] = [];
  for (let t = lexer.next(); t; t = lexer.next()) tokens.push(t);
  let at = 0;
  const peek = (offset = 0) => tokens[at + offset];

  const id = peek();
  if (id?.kind !== "word" && id?.kind !== "quoted") throw new ParseError("it names no authserv-id");
  at++;
  // RFC 8601 §2.2: an optional version after the authserv-id.
  if (peek()?.kind === "word" && /^\d+$/.test(peek().text)) at++;

  const results: AuthMethodResult[] = [];
  if (peek()?.kind === ";" && peek(1)?.kind === "word" && peek(1).text.toLowerCase() === "none" && peek(2) === undefined) {
    return { instance, authservId: id.text.toLowerCase(), results };
  }
  while (at < tokens.length) {
    if (peek().kind !== ";") throw new ParseError("its authserv-id is not followed by a result");
    at++;
    if (at === tokens.length) break; // a trailing ";" is harmless
    const [method, eq, result] = [peek(), peek(1), peek(2)];
    const m = method?.kind === "word" ? METHOD.exec(method.text) : null;
    if (!m || eq?.kind !== "=" || result?.kind !== "word" || !KEYWORD.test(result.text)) {
      throw new ParseError("a result is not written as method=result");
    }
    at += 3;
    const clause: AuthMethodResult = { method: m[1].toLowerCase(), result: result.text.toLowerCase(), reason: null, properties: [] };
    while (at < tokens.length && peek().kind !== ";") {
      const name = peek();
      if (name.kind !== "word" || peek(1)?.kind !== "=") throw new ParseError(`the ${clause.method} result holds something that is not a property`);
      at += 2;
      const propertyValue = readValue();
      if (name.text.toLowerCase() === "reason" && clause.properties.length === 0 && clause.reason === null) {
        clause.reason = propertyValue;
        continue;
      }
      const p = PROPERTY.exec(name.text);
      if (!p) throw new ParseError(`the ${clause.method} result holds something that is not a property`);
      clause.properties.push({ type: p[1].toLowerCase(), property: p[2].toLowerCase(), value: propertyValue });
    }
    results.push(clause);
  }
  if (results.length === 0) throw new ParseError("it holds no results");
  return { instance, authservId: id.text.toLowerCase(), results };

  /**
   * value = token / quoted-string, or [local-part] "@" domain (RFC 8601 §2.2 pvalue). A local part may
   * be quoted or hold "=" (an SRS sender "SRS0=…=…@forwarder", a crafted "dmarc=pass@…"), so everything
   * joined to the value without space or comment belongs to it.
   */
  function readValue(): string {
    const first = peek();
    if (first === undefined || first.kind === ";") return "";
    if (first.kind !== "word" && first.kind !== "quoted") throw new ParseError("a property has no value");
    at++;
    let rest = "";
    for (let next = peek(); next?.joined && (next.kind === "word" || next.kind === "="); next = peek()) {
      rest += next.text;
      at++;
    }
    if (rest === "") return first.text;
    return (first.kind === "quoted" ? `"${first.text}"` : first.text) + rest;
  }
}
