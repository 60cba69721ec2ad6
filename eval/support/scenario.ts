// The shape of a labelled scenario (eval/README.md) and the files that come with it.
import type { Section } from "../../src/digest/types";

export interface Label {
  who: string;
  section?: Section;
  why: string;
}

export interface DigestLabels {
  at: string;
  expect: Array<Label & { section: Section }>;
  mustNot?: Label[];
  optional?: Label[];
}

export interface Scenario {
  title: string;
  split: "tune" | "held-out";
  owner: { address: string; aliases?: string[]; name: string; language: "en" | "da"; timeZone: string };
  importAt?: string;
  envelopes?: Record<string, { from?: string; to?: string }>;
  commands?: Array<{ at: string; lines: string[] }>;
  digests: DigestLabels[];
}

export interface EmlFile {
  name: string;
  base64: string;
}

export interface ScenarioFiles {
  name: string;
  scenario: Scenario;
  mailbox: EmlFile[];
  live: EmlFile[];
}

export interface ShownItem {
  number: number;
  section: Section;
  address: string;
  why: string;
}

export interface DigestResult {
  at: string;
  shown: ShownItem[];
  labels: DigestLabels;
  text: string;
}

export interface IngestLine {
  file: string;
  path: "import" | "live";
  outcome: string;
}

export interface ScenarioResult {
  name: string;
  title: string;
  split: Scenario["split"];
  ingest: IngestLine[];
  digests: DigestResult[];
  commandAnswers: string[];
  dump: Array<Record<string, unknown>>;
}

declare module "vitest" {
  interface ProvidedContext {
    evalScenarios: ScenarioFiles[];
    evalIngestOnly: boolean;
    evalDump: string[];
  }
  interface TaskMeta {
    evalResult?: ScenarioResult;
  }
}
