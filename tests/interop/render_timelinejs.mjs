// Renders a TimelineJS JSON file with TimelineJS itself in headless Chromium; prints what it saw as JSON.
// Usage: node render_timelinejs.mjs TIMELINE.json|SHEET.csv  (run from tests/interop/node, where the packages are)
// A .csv is served to TimelineJS as a sheet from a made-up http address, as a published sheet would be.
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { launch } from "./chromium.mjs";

const dist = path.resolve("node_modules/@knight-lab/timelinejs/dist");
const SHEET_URL = "http://sheet.timeline-app.invalid/timeline.csv";
const is_sheet = process.argv[2].endsWith(".csv");
const data = is_sheet ? JSON.stringify(SHEET_URL) : readFileSync(process.argv[2], "utf8");
const page_html = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="${pathToFileURL(dist + "/css/timeline.css")}">
<script src="${pathToFileURL(dist + "/js/timeline.js")}"></script></head>
<body><div id="tl" style="width:1200px;height:700px"></div>
<script>
window.timeline = new TL.Timeline("tl", ${data}, {hash_bookmark: false, font: null});
</script></body></html>`;

const browser = await launch();
const errors = [], requests = [];
try {
  const page = await browser.newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
    if (is_sheet && url === SHEET_URL) {
      return route.fulfill({ status: 200, contentType: "text/csv", body: readFileSync(process.argv[2]) });
    }
    requests.push(url);
    return route.abort();
  });
  const file = path.resolve(`page-${process.pid}.html`);
  writeFileSync(file, page_html);
  try {
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => document.querySelectorAll(".tl-slide").length > 0, null, { timeout: 30000 })
      .catch((e) => errors.push(`no slide appeared: ${e.message.split("\n")[0]}`));
    await page.waitForTimeout(500);
    const seen = await page.evaluate(() => ({
      slides: [...document.querySelectorAll(".tl-slide")].map((s) => s.id),
      headlines: [...document.querySelectorAll(".tl-slide .tl-headline")].map((h) => h.textContent),
      groups: [...document.querySelectorAll(".tl-timegroup-message")].map((g) => g.textContent),
      messages: [...document.querySelectorAll(".tl-message-content")].map((m) => m.textContent).filter(Boolean),
    }));
    console.log(JSON.stringify({ ...seen, errors, requests }));
  } finally {
    unlinkSync(file);
  }
} finally {
  await browser.close();
}
