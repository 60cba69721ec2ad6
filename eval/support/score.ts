// Scores what a digest showed against its labels (eval/README.md). Strict: a person shown in a section where
// no label expects them counts as a false positive unless they are labelled optional in that digest.
import type { Section } from "../../src/digest/types";
import type { DigestResult, ScenarioResult } from "./scenario";

export const SECTIONS: readonly Section[] = ["thank", "help", "follow-up", "reconnect"];

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface Miss {
  scenario: string;
  split: ScenarioResult["split"];
  digestAt: string;
  kind: "missed" | "wrong";
  section: Section;
  who: string;
  detail: string;
}

export type SectionTallies = Record<Section, Tally>;

export function emptyTallies(): SectionTallies {
  return { thank: { tp: 0, fp: 0, fn: 0 }, help: { tp: 0, fp: 0, fn: 0 }, "follow-up": { tp: 0, fp: 0, fn: 0 }, reconnect: { tp: 0, fp: 0, fn: 0 } };
}

export function scoreDigest(scenario: ScenarioResult, digest: DigestResult, tallies: SectionTallies, misses: Miss[]): void {
  const lower = (s: string) => s.toLowerCase();
  const expected = digest.labels.expect.map((l) => ({ ...l, who: lower(l.who) }));
  const optional = (digest.labels.optional ?? []).map((l) => ({ ...l, who: lower(l.who) }));
  const mustNot = (digest.labels.mustNot ?? []).map((l) => ({ ...l, who: lower(l.who) }));
  const base = { scenario: scenario.name, split: scenario.split, digestAt: digest.at };
  for (const item of digest.shown) {
    if (expected.some((l) => l.who === item.address && l.section === item.section)) {
      tallies[item.section].tp++;
      continue;
    }
    if (optional.some((l) => l.who === item.address && (!l.section || l.section === item.section))) continue;
    tallies[item.section].fp++;
    const label =
      mustNot.find((l) => l.who === item.address && (!l.section || l.section === item.section)) ??
      expected.find((l) => l.who === item.address);
    const because = !label ? "unlabelled" : "section" in label && expected.includes(label as never) ? `expected under ${label.section}: ${label.why}` : `must not: ${label.why}`;
    misses.push({ ...base, kind: "wrong", section: item.section, who: item.address, detail: `${because} — shown as "${item.why}"` });
  }
  for (const label of expected) {
    if (digest.shown.some((i) => i.address === label.who && i.section === label.section)) continue;
    tallies[label.section].fn++;
    const elsewhere = digest.shown.find((i) => i.address === label.who);
    misses.push({ ...base, kind: "missed", section: label.section, who: label.who, detail: `${label.why}${elsewhere ? ` (shown under ${elsewhere.section})` : ""}` });
  }
}

export function ratio(n: number, d: number): string {
  return d === 0 ? "  –  " : (n / d).toFixed(2);
}
