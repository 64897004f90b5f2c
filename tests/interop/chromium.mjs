// Debian's Chromium, headless, through playwright-core (from the working folder: tests/interop/node).
// Never a downloaded browser; no background traffic of its own.
import { createRequire } from "node:module";
import path from "node:path";

const { chromium } = createRequire(path.resolve("package.json"))("playwright-core");

export function launch() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-first-run"],
  });
}
