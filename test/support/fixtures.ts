/// <reference types="vite/client" />
// Fixtures are bundled at build time: inside workerd there is no host file system to read them from.
const files = import.meta.glob("../fixtures/**/*.eml", { query: "?raw", import: "default", eager: true }) as Record<string, string>;

/** A fixture by its path under test/fixtures, e.g. "capture/gmail-bcc-en.eml". */
export function fixture(path: string): string {
  const text = files[`../fixtures/${path}`];
  if (text === undefined) throw new Error(`no fixture test/fixtures/${path}`);
  return text;
}
