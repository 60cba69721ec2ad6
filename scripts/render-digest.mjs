#!/usr/bin/env node
// Renders the digest of the realistic fixture (test/fixtures/digest-view.ts) to out/digest-{en,da}.html and
// .txt, and a brand-new owner's first digest to out/digest-first-{en,da}.*, and screenshots the HTML with
// headless Chromium, to look at the design as mail clients show it: out/digest-en.png at desktop width,
// -phone.png at 375 px, -dark.png with prefers-color-scheme: dark (Apple Mail, iOS Mail, Outlook for Mac) and
// -inverted.png with Chromium's forced dark mode, which inverts light pages as Gmail's and Outlook's apps do.
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
const PHONE_WIDTH = 375;
/** How each screenshot is taken: window width and Chromium's dark-mode switches. */
const LOOKS = [
  { suffix: "", width: VIEWPORT_WIDTH, flags: [] },
  { suffix: "-phone", width: PHONE_WIDTH, flags: [] },
  { suffix: "-dark", width: VIEWPORT_WIDTH, flags: ["--force-dark-mode"] },
  { suffix: "-inverted", width: VIEWPORT_WIDTH, flags: ["--blink-settings=forceDarkModeEnabled=true"] },
  { suffix: "-phone-inverted", width: PHONE_WIDTH, flags: ["--blink-settings=forceDarkModeEnabled=true"] },
];
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
        export { digestView, firstDigestView } from "./test/fixtures/digest-view.ts";
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
function measureHeight(chromium, html, width, flags) {
  const dir = mkdtempSync(path.join(tmpdir(), "gensidig-measure-"));
  const file = path.join(dir, "measure.html");
  const probe = `<script>addEventListener("load",()=>{document.title="height:"+document.documentElement.scrollHeight})</script>`;
  writeFileSync(file, html.replace("</body>", `${probe}</body>`));
  try {
    const run = runChromium(chromium, [
      ...flags,
      `--window-size=${width},800`,
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
const digests = LANGUAGES.flatMap((lang) => [
  { name: `digest-${lang}`, view: renderer.digestView(lang) },
  { name: `digest-first-${lang}`, view: renderer.firstDigestView(lang) },
]);
for (const { name, view } of digests) {
  writeFileSync(path.join(outDir, `${name}.html`), renderer.renderDigestHtml(view));
  writeFileSync(path.join(outDir, `${name}.txt`), renderer.renderDigestText(view));
  written.push(`out/${name}.html`, `out/${name}.txt`);
  const subject = renderer.digestSubject(view);
  console.log(`${name}: ${subject} (${[...subject].length} characters)`);
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

for (const { name, view } of digests) {
  const htmlFile = path.join(outDir, `${name}.html`);
  // The first digest is short: the desktop look is enough to read it.
  for (const look of name.startsWith("digest-first") ? LOOKS.slice(0, 2) : LOOKS) {
    const pngFile = path.join(outDir, `${name}${look.suffix}.png`);
    const height = measureHeight(chromium, renderer.renderDigestHtml(view), look.width, look.flags);
    const run = runChromium(chromium, [...look.flags, `--window-size=${look.width},${height}`, `--screenshot=${pngFile}`, pathToFileURL(htmlFile).href]);
    if (run.status !== 0 || !existsSync(pngFile)) {
      console.error(`Chromium failed for ${name}${look.suffix} (exit ${run.status}):\n${run.stderr}`);
      process.exit(1);
    }
    written.push(`out/${name}${look.suffix}.png`);
  }
}
console.log(`Wrote ${written.join(", ")}.`);
