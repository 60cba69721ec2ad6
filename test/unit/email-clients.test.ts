// The digest's HTML checked against the Can I email support data (caniemail.com, through doiuse-email) for the
// clients owners use. What a client lacks must be a known, deliberate enhancement that degrades well there;
// anything new (say `display:flex`, a background image, an <svg>) fails here before it breaks a real inbox.
import { doIUseEmail } from "@jsx-email/doiuse-email";
import { describe, expect, it } from "vitest";
import { renderDigestHtml } from "../../src/digest/render";
import { digestView, firstDigestView } from "../fixtures/digest-view";

const CLIENTS = ["gmail.*", "outlook.*", "apple-mail.*", "thunderbird.*", "yahoo.*"];

/** Unsupported somewhere, and why that is acceptable there. */
const ACCEPTED: Record<string, string> = {
  "@media": "dark and narrow-screen rules only add to inline styles that are complete without them",
  "<body> element": "clients replace <body> with a <div>; its background is repeated on the outer table",
  opacity: "one of several hiding rules on the preheader; max-height:0 and overflow:hidden hide it where opacity is ignored",
  overflow: "one of several hiding rules on the preheader; Outlook on Windows honours mso-hide:all",
  "display:none": "one of several hiding rules on the preheader (Gmail's mobile web app keeps it; max-height:0 hides it there)",
  "border-radius": "rounded corners; Outlook on Windows draws square ones",
  "role attribute": "role=presentation helps screen readers where kept; tables lay out the same without it",
  "aria-hidden attribute": "hides the bar chart from screen readers where kept; the sentence below it says the same",
  "<wbr> element": "a hint where an address may wrap; without it the client wraps as it always does",
  "white-space": "keeps a link's two words together where honoured",
};

function unsupported(html: string): Map<string, Set<string>> {
  const result = doIUseEmail(html, { emailClients: CLIENTS });
  const out = new Map<string, Set<string>>();
  for (const error of result.success ? [] : result.errors) {
    const m = /^`([^`]+)` is not supported by `([^`]+)`/.exec(error);
    if (!m) throw new Error(`unexpected doiuse-email message: ${error}`);
    if (!out.has(m[1])) out.set(m[1], new Set());
    out.get(m[1])!.add(m[2]);
  }
  return out;
}

describe("the digest's HTML in mail clients (Can I email data)", () => {
  it.each([
    ["the realistic digest, English", digestView("en")],
    ["the realistic digest, Danish", digestView("da")],
    ["a brand-new owner's first digest", firstDigestView("en")],
  ])("uses nothing a client lacks beyond the accepted enhancements: %s", (_name, view) => {
    const found = unsupported(renderDigestHtml(view));
    const unexpected = [...found.entries()].filter(([feature]) => !(feature in ACCEPTED)).map(([f, clients]) => `${f}: ${[...clients].join(", ")}`);
    expect(unexpected).toEqual([]);
  });

  it("relies on none of the accepted enhancements in Gmail's and Outlook's apps for what the reader must see", () => {
    const found = unsupported(renderDigestHtml(digestView("en")));
    // Padding, widths, colours, borders and tables: everything the layout needs is supported everywhere.
    for (const needed of ["padding", "width attribute", "background-color", "border", "color", "font-size", "line-height", "<table> element"]) {
      expect(found.has(needed), needed).toBe(false);
    }
  });
});
