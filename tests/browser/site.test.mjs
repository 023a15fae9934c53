// The built site in a real browser: Debian's Chromium through playwright-core, axe-core on
// every page type, html-validate on every page, every internal link followed, the numbers
// of one real report checked against its report.json, and search used as a visitor would.
//
// RV_SITE: the built site (rapportverk build content --out RV_SITE); RV_CONTENT: the content
// it was built from. Run by ctest (tests/CMakeLists.txt): node --test tests/browser/
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { HtmlValidate } from "html-validate";
import { serveFolder } from "./serve.mjs";

const require = createRequire(import.meta.url);
const site = process.env.RV_SITE;
const content = process.env.RV_CONTENT;
assert.ok(site && fs.existsSync(path.join(site, "index.html")), "RV_SITE must name a built site");
assert.ok(content && fs.existsSync(path.join(content, "site.json")), "RV_CONTENT must name the content");

const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const chromiumPath = process.env.RV_CHROMIUM || "/usr/bin/chromium";

function htmlFiles(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      found.push(...htmlFiles(full));
    } else if (entry.name.endsWith(".html")) {
      found.push(full);
    }
  }
  return found;
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

// One page of every kind the site has (the first of each), found from the output itself.
function pageTypes() {
  const first = (dir) => {
    const names = fs.readdirSync(path.join(site, dir)).sort();
    assert.ok(names.length > 0, `${dir}/ is empty`);
    return `${dir}/${names[0]}/index.html`;
  };
  return {
    front: "index.html",
    service: "bensarkom/index.html",
    report: "bensarkom/2023/index.html",
    region: first("regioner"),
    type: first("typer"),
    year: first("ar"),
    availability: "tilgjengelighet/index.html",
    "open data": "data/index.html",
    "accessibility statement": "tilgjengelighet-erklaering/index.html",
    search: "sok/index.html",
    "search with results": "sok/index.html?q=kreft",
    "not found": "finnes-ikke/",
  };
}

let server;
let browser;

before(async () => {
  server = await serveFolder(site);
  browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// A page with axe-core added before the page's own scripts (the page's CSP cannot block an
// init script) and every request that leaves the local server recorded.
async function openPage(url, options = {}) {
  const context = await browser.newContext(options);
  await context.addInitScript(axeSource);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && !/Failed to load resource/.test(message.text())) {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on("response", (response) => {
    if (response.status() >= 400) {
      problems.push(`status of ${response.status()}: ${response.url()}`);
    }
  });
  page.on("request", (request) => {
    if (!request.url().startsWith(server.url) && !request.url().startsWith("data:")) {
      problems.push(`external request: ${request.url()}`);
    }
  });
  const response = await page.goto(server.url + url, { waitUntil: "load" });
  return { context, page, problems, status: response.status() };
}

describe("every page type", () => {
  for (const [kind, url] of Object.entries(pageTypes())) {
    test(`${kind} (${url}): no axe violations, one h1, lang, captions, no external requests`, async () => {
      const { context, page, problems, status } = await openPage(url);
      try {
        assert.equal(status, kind === "not found" ? 404 : 200);
        const result = await page.evaluate(
          (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }),
          wcagTags);
        const violations = result.violations.map(
          (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`);
        assert.deepEqual(violations, []);
        const facts = await page.evaluate(() => ({
          lang: document.documentElement.lang,
          h1: document.querySelectorAll("h1").length,
          tablesWithoutCaption: [...document.querySelectorAll("table")].filter(
            (t) => !t.caption || !t.caption.textContent.trim()).length,
          headersWithoutScope: [...document.querySelectorAll("th")].filter(
            (th) => !["col", "row", "colgroup", "rowgroup"].includes(th.getAttribute("scope"))).length,
          headingGaps: [...document.querySelectorAll("h1,h2,h3,h4,h5,h6")]
            .map((h) => Number(h.tagName[1]))
            .filter((level, i, all) => i > 0 && level > all[i - 1] + 1).length,
        }));
        assert.equal(facts.lang, "nb");
        assert.equal(facts.h1, 1);
        assert.equal(facts.tablesWithoutCaption, 0, "every table has a caption");
        assert.equal(facts.headersWithoutScope, 0, "every header cell has a scope");
        assert.equal(facts.headingGaps, 0, "headings never skip a level");
        // The missing page itself answers 404, which Chromium logs; nothing else may fail.
        const expected = kind === "not found" ? 1 : 0;
        assert.equal(problems.filter((p) => /status of 404/.test(p)).length, expected, problems.join("\n"));
        assert.deepEqual(problems.filter((p) => !/status of 404/.test(p)), []);
      } finally {
        await context.close();
      }
    });

    test(`${kind} (${url}): fits a 320 px wide screen without scrolling sideways`, async () => {
      const { context, page } = await openPage(url, { viewport: { width: 320, height: 640 } });
      try {
        const widths = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          view: document.documentElement.clientWidth,
        }));
        assert.ok(widths.page <= widths.view, `page is ${widths.page} px wide in ${widths.view} px`);
      } finally {
        await context.close();
      }
    });
  }
});

test("every page is valid HTML", async () => {
  const validator = new HtmlValidate({
    extends: ["html-validate:standard", "html-validate:a11y", "html-validate:document"],
    rules: { "long-title": "off", "require-sri": "off" },
  });
  const failures = [];
  for (const file of htmlFiles(site)) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const message of result.messages) {
        failures.push(`${path.relative(site, file)}:${message.line}:${message.column}: ${message.ruleId}: ${message.message}`);
      }
    }
  }
  assert.deepEqual(failures, []);
});

test("every page keeps its Content-Security-Policy: no inline script, no event attributes", () => {
  const failures = [];
  for (const file of htmlFiles(site)) {
    const text = fs.readFileSync(file, "utf8");
    const name = path.relative(site, file);
    const policy = text.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
    if (!policy || !/script-src 'self'/.test(policy[1]) || /unsafe-inline|unsafe-eval/.test(policy[1])) {
      failures.push(`${name}: no strict Content-Security-Policy`);
    }
    for (const script of text.matchAll(/<script\b([^>]*)>/g)) {
      if (!/\ssrc="/.test(script[1])) {
        failures.push(`${name}: inline script`);
      }
    }
    if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(text)) {
      failures.push(`${name}: an event attribute`);
    }
    for (const match of text.matchAll(/\s(?:src|href)="(https?:[^"]*)"[^>]*>/g)) {
      if (!/^<a\s/.test(text.slice(text.lastIndexOf("<", match.index), match.index + 3))) {
        failures.push(`${name}: loads ${match[1]} from another site`);
      }
    }
  }
  assert.deepEqual(failures, []);
});

test("every internal link and fragment resolves", () => {
  const failures = [];
  const idsOf = new Map();
  const ids = (file) => {
    if (!idsOf.has(file)) {
      const text = fs.readFileSync(file, "utf8");
      idsOf.set(file, new Set([...text.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1])));
    }
    return idsOf.get(file);
  };
  let links = 0;
  for (const file of htmlFiles(site)) {
    const text = fs.readFileSync(file, "utf8");
    for (const match of text.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const link = match[1].replaceAll("&amp;", "&");
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) {
        continue; // https:, mailto:, tel:
      }
      links++;
      const [address, fragment] = link.split("#");
      const withoutQuery = address.split("?")[0];
      // The 404 page links from the site's path on the server ("/…"): it is served anywhere.
      const base = withoutQuery.startsWith("/") ? site : path.dirname(file);
      let target = withoutQuery === "" ? file : path.join(path.resolve(base), decodeURIComponent(withoutQuery));
      if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
        target = path.join(target, "index.html");
      }
      if (!target.startsWith(path.resolve(site)) || !fs.existsSync(target)) {
        failures.push(`${path.relative(site, file)}: ${link} names no file`);
      } else if (fragment && target.endsWith(".html") && !ids(target).has(decodeURIComponent(fragment))) {
        failures.push(`${path.relative(site, file)}: ${link} names no id in its page`);
      }
    }
  }
  assert.ok(links > 100, `only ${links} internal links found`);
  assert.deepEqual(failures, []);
});

test("the bone sarcoma report shows the numbers of its report.json", async () => {
  const report = readJson(path.join(content, "services/bensarkom/2023/report.json"));
  const regions = readJson(path.join(content, "regions.json")).regions;
  const { context, page } = await openPage("bensarkom/2023/index.html");
  try {
    const rows = await page.evaluate(() => {
      const table = [...document.querySelectorAll("table")].find((t) =>
        /Nye pasienter per helseregion/.test(t.caption?.textContent ?? ""));
      return [...table.tBodies[0].rows].map((row) => [...row.cells].map((c) => c.textContent.trim()));
    });
    const norwegian = (value, decimals) =>
      value.toLocaleString("nb-NO", { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
        .replace(/\u00a0/g, " ").replace("−", "-");
    const shown = new Map(rows.map((cells) => [cells[0], cells]));
    for (const [id, count] of Object.entries(report.patients.new_treated)) {
      const region = regions.find((r) => r.id === id);
      const cells = shown.get(region.name.nb);
      assert.ok(cells, `no row for ${region.name.nb}`);
      const population = region.counties.reduce((sum, county) => sum + county.population.count, 0);
      assert.equal(cells[1].replace(/\s/g, " "), norwegian(count, 0));
      assert.equal(cells[3].replace(/\s/g, " "), norwegian(population, 0));
      assert.equal(cells[4], norwegian((count / population) * 100000, 1));
    }
  } finally {
    await context.close();
  }
});

test("a visitor finds the bone sarcoma service by searching «sarkom» from the front page", async () => {
  const { context, page, problems } = await openPage("index.html");
  try {
    await page.getByLabel("Navn, diagnose, ord eller ICD-10-kode").fill("sarkom");
    await page.getByRole("button", { name: "Søk" }).click();
    await page.waitForURL(/sok\/index\.html\?q=sarkom/);
    const status = page.getByRole("status");
    await assert.doesNotReject(status.filter({ hasText: /treff/ }).waitFor());
    const link = page.locator("#search-results a", { hasText: "bensarkom" }).first();
    await link.click();
    await page.waitForURL(/bensarkom\/(2023\/)?index\.html$/);
    assert.match(await page.locator("h1").textContent(), /bensarkom/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test("a word of one report's text finds that report (the service's words and the report's bits)", async () => {
  const { context, page } = await openPage("sok/index.html?q=skinnebeinet");
  try {
    await page.getByRole("status").filter({ hasText: "1 treff" }).waitFor();
    const links = page.locator("#search-results a");
    assert.equal(await links.count(), 1);
    assert.match(await links.first().getAttribute("href"), /bensarkom\/2023\/index\.html$/);
  } finally {
    await context.close();
  }
});

test("search narrows by type and region, and says when nothing is found", async () => {
  const { context, page } = await openPage("sok/index.html");
  try {
    const services = fs.readdirSync(path.join(content, "services")).length;
    await page.getByRole("status").filter({ hasText: `${services} treff` }).waitFor();
    await page.getByLabel("Tjenestetype").selectOption("nasjonal-kompetansetjeneste");
    await page.getByRole("status").filter({ hasText: "1 treff" }).waitFor();
    assert.match(await page.locator("#search-results").textContent(), /underernæring/);
    await page.getByLabel("Tjenestetype").selectOption("");
    await page.getByLabel("Navn, diagnose, ord eller ICD-10-kode").fill("xyzzy-finnes-ikke");
    await page.getByRole("status").filter({ hasText: "Ingen treff" }).waitFor();
    assert.equal(await page.locator("#search-results li").count(), 0);
  } finally {
    await context.close();
  }
});

test("without JavaScript the search page lists every service", async () => {
  const { context, page } = await openPage("sok/index.html", { javaScriptEnabled: false });
  try {
    const services = fs.readdirSync(path.join(content, "services")).length;
    assert.equal(await page.locator("#search-results li").count(), services);
  } finally {
    await context.close();
  }
});

test("a visitor finds the bone sarcoma service by browsing Helse Vest's overview", async () => {
  const { context, page } = await openPage("index.html");
  try {
    await page.getByRole("link", { name: "Helse Vest", exact: true }).first().click();
    await page.waitForURL(/regioner\/helse-vest\/index\.html$/);
    await page.getByRole("link", { name: /bensarkom/ }).first().click();
    await page.waitForURL(/bensarkom\/index\.html$/);
  } finally {
    await context.close();
  }
});

test("the skip link is the first stop of the keyboard and leads to the main content", async () => {
  const { context, page } = await openPage("bensarkom/2023/index.html");
  try {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement.getAttribute("href"));
    assert.equal(focused, "#main");
    await page.keyboard.press("Enter");
    assert.match(page.url(), /#main$/);
  } finally {
    await context.close();
  }
});
