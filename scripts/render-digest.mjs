#!/usr/bin/env node
// Renders the digest of the realistic fixture (test/fixtures/digest-view.ts) to out/digest-{en,da}.html and
// .txt, and screenshots the HTML with headless Chromium to out/digest-{en,da}.png, to look at the design.
//
//   npm run render                      # CHROMIUM=/path/to/chrome to pick another browser
//
// The TypeScript sources are bundled in memory with esbuild (a wrangler dependency), so no build step
// or TypeScript runner is needed.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "out");
const LANGUAGES = ["en", "da"];
const VIEWPORT_WIDTH = 700;
/** Fallback height when the page cannot be measured. */
const DEFAULT_HEIGHT = 2400;
const CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--hide-scrollbars",
];

async function loadRenderer() {
  const result = await esbuild.build({
    stdin: {
      contents: `
        export { digestView } from "./test/fixtures/digest-view.ts";
        export { renderDigestHtml, renderDigestText, digestSubject } from "./src/digest/render.ts";
      `,
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "esm",
    write: false,
    logLevel: "error",
  });
  const dir = mkdtempSync(path.join(tmpdir(), "gensidig-render-"));
  const file = path.join(dir, "renderer.mjs");
  writeFileSync(file, result.outputFiles[0].text);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function findChromium() {
  if (process.env.CHROMIUM) return existsSync(process.env.CHROMIUM) ? process.env.CHROMIUM : null;
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

function runChromium(chromium, args) {
  const profile = mkdtempSync(path.join(tmpdir(), "gensidig-chromium-"));
  try {
    return spawnSync(chromium, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, ...args], {
      encoding: "utf8",
      timeout: 60_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Headless Chromium screenshots only the window, so measure the page first and size the window to it. */
function measureHeight(chromium, html) {
  const dir = mkdtempSync(path.join(tmpdir(), "gensidig-measure-"));
  const file = path.join(dir, "measure.html");
  const probe = `<script>addEventListener("load",()=>{document.title="height:"+document.documentElement.scrollHeight})</script>`;
  writeFileSync(file, html.replace("</body>", `${probe}</body>`));
  try {
    const run = runChromium(chromium, [
      `--window-size=${VIEWPORT_WIDTH},800`,
      "--virtual-time-budget=2000",
      "--dump-dom",
      pathToFileURL(file).href,
    ]);
    const match = /height:(\d+)/.exec(run.stdout ?? "");
    return match ? Number(match[1]) : DEFAULT_HEIGHT;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const renderer = await loadRenderer();
mkdirSync(outDir, { recursive: true });
const written = [];
for (const lang of LANGUAGES) {
  const view = renderer.digestView(lang);
  writeFileSync(path.join(outDir, `digest-${lang}.html`), renderer.renderDigestHtml(view));
  writeFileSync(path.join(outDir, `digest-${lang}.txt`), renderer.renderDigestText(view));
  written.push(`out/digest-${lang}.html`, `out/digest-${lang}.txt`);
  console.log(`${lang}: ${renderer.digestSubject(view)}`);
}

const chromium = findChromium();
if (!chromium) {
  console.log(`Wrote ${written.join(", ")}.`);
  console.error(
    "Chromium was not found, so no screenshots were taken.\n" +
      "Install it (Debian/Ubuntu: apt-get install chromium) or point CHROMIUM at a Chrome or Chromium binary.",
  );
  process.exit(1);
}

for (const lang of LANGUAGES) {
  const htmlFile = path.join(outDir, `digest-${lang}.html`);
  const pngFile = path.join(outDir, `digest-${lang}.png`);
  const height = measureHeight(chromium, renderer.renderDigestHtml(renderer.digestView(lang)));
  const run = runChromium(chromium, [
    `--window-size=${VIEWPORT_WIDTH},${height}`,
    `--screenshot=${pngFile}`,
    pathToFileURL(htmlFile).href,
  ]);
  if (run.status !== 0 || !existsSync(pngFile)) {
    console.error(`Chromium failed for ${lang} (exit ${run.status}):\n${run.stderr}`);
    process.exit(1);
  }
  written.push(`out/digest-${lang}.png`);
}
console.log(`Wrote ${written.join(", ")}.`);
