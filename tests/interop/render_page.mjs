// Opens the HTML export from file:// in headless Chromium with every other request blocked, uses it
// as a visitor would, and prints what it saw as JSON; screenshots in both languages go to OUT_DIR.
// Usage: node render_page.mjs PAGE.html OUT_DIR  (run from tests/interop/node, where playwright-core is)
import { pathToFileURL } from "node:url";
import path from "node:path";
import { launch } from "./chromium.mjs";

const [page_path, out_dir] = process.argv.slice(2);
const page_url = pathToFileURL(path.resolve(page_path)).href;
const browser = await launch();
const errors = [], requests = [];
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") errors.push(m.text()); });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === page_url) return route.continue();
    requests.push(url);
    return route.abort();
  });
  await page.goto(page_url);
  await page.evaluate(() => document.fonts.ready);
  const seen = { errors, requests };
  seen.list = await page.$$eval("#list li", (items) => items.map((li) => li.dataset.id));
  seen.a11y = await page.evaluate(() => ({
    drawingHidden: [...document.querySelectorAll(".picture text")].every((t) => t.closest('[aria-hidden="true"]')),
    targetsReachable: [...document.querySelectorAll(".target")].every((t) => !t.closest("[aria-hidden]") && t.getAttribute("aria-label")),
  }));
  seen.font = await page.evaluate(() => document.fonts.check('16px "Timeline Noto Sans SC"', "巫山"));
  await page.screenshot({ path: path.join(out_dir, "page-zh.png") });
  // A click on the first milestone target of the picture shows its detail.
  const target = page.locator(".picture:not([hidden]) .target[data-id]").first();
  seen.clicked = await target.getAttribute("data-id");
  await target.click();
  seen.detail = await page.$eval("#detail", (d) => ({ id: d.dataset.id, title: d.querySelector("h2").textContent,
                                                       text: d.textContent }));
  // A "+N" badge lists the milestones it stands for.
  const badge = page.locator(".picture:not([hidden]) .target.badge").first();
  seen.badge = { members: (await badge.getAttribute("data-members")).split(" ") };
  await badge.click();
  seen.badge.listed = await page.$$eval("#detail li", (items) => items.length);
  seen.badge.heading = await page.$eval("#detail h2", (h) => h.textContent);
  // Enter on a list item does the same, by keyboard.
  await page.locator("#list li button").nth(3).focus();
  await page.keyboard.press("Enter");
  seen.keyed = await page.$eval("#detail", (d) => d.dataset.id);
  // Search narrows the list.
  await page.fill("#search", "秀山");
  seen.found = await page.$$eval("#list li:not([hidden])", (items) => items.map((li) => li.dataset.id));
  await page.fill("#search", "");
  // The language switch.
  await page.click("#lang");
  seen.lang = await page.evaluate(() => ({ lang: document.documentElement.lang, title: document.querySelector("#title").textContent,
                                           detail: document.querySelector("#detail h2").textContent,
                                           first: document.querySelector("#list li button").textContent,
                                           picture: document.querySelector(".picture:not([hidden])").getAttribute("lang") }));
  await page.screenshot({ path: path.join(out_dir, "page-en.png") });
  // Zoom by the keyboard.
  await page.focus("#stage");
  await page.keyboard.press("+");
  seen.zoomed = await page.$eval("#canvas", (c) => c.style.transform);
  console.log(JSON.stringify(seen));
} finally {
  await browser.close();
}
