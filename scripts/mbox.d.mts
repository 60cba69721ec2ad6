// Types for scripts/mbox.mjs, so TypeScript tests can import the splitter.
export declare const MAX_MESSAGE_BYTES: number;

export interface MboxMessage {
  /** The message without its From_ line, ">From " unescaped; null when oversize. */
  raw: Buffer | null;
  /** Byte offset of the From_ line in the file. */
  start: number;
  /** Byte offset just past this entry (the next From_ line, or the end of the file). */
  end: number;
  /** Size of the message in bytes, as read. */
  size: number;
  oversize: boolean;
}

export declare function unescapeFromLine(line: Buffer): Buffer;
export declare function escapeFromLines(raw: Buffer | string): Buffer;
export declare function mboxEntry(raw: Buffer | string, options?: { sender?: string; date?: Date }): Buffer;
export declare function splitMbox(
  chunks: AsyncIterable<Buffer | Uint8Array> | Iterable<Buffer | Uint8Array>,
  options?: { maxMessageBytes?: number },
): AsyncGenerator<MboxMessage>;
