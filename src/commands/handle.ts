// The commands path: owner mail written straight to the assistant.
import type { Db } from "../db/client";
import type { OwnerWithAddresses } from "../db/owners";
import type { Config, Env } from "../env";
import type { Answer } from "../mail/send";
import { newText } from "../mail/reply";
import type { ParsedMail } from "../mail/types";
import type { PlusOptions } from "../ingest/plus";

export interface CommandMailContext {
  db: Db;
  env: Env;
  config: Config;
  owner: OwnerWithAddresses;
  mail: ParsedMail;
  plus: PlusOptions;
  now: number;
  answer: (answer: Answer) => Promise<unknown>;
}

export async function handleCommandMail(ctx: CommandMailContext): Promise<void> {
  const lines = newText(ctx.mail.text)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 20);
  await ctx.answer({
    subject: "",
    text: `I read these lines from your mail:\n${lines.map((l) => `  ${l}`).join("\n") || "  (nothing)"}\n`,
  });
}
