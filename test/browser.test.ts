import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { readBundleFile } from '../src/seed/seed-file';
import { CLI_CALLER, loadBundle, SEED_FILE } from '../src/seed/seed-loader';
import { createLogger } from '../src/shared/logger';
import { toGlobalId } from '../src/shared/global-id';
import { SynthGenerator } from '../src/synth/generator';
import { loadSynthetic } from '../src/synth/synth-load';
import { CHROMIUM, launchBrowser, type TestBrowser } from './helpers/browser';
import { resetData, startSeededServer, type TestServer } from './helpers/test-server';
import { EDITOR_KEY, TEST_API_KEYS } from './helpers/write-keys';

const PESKOV = toGlobalId('Actor', 'dmitry-peskov');
const TRUMP = toGlobalId('Actor', 'donald-trump');
const ALIYEV = toGlobalId('Actor', 'ilham-aliyev');
const PUTIN = toGlobalId('Actor', 'vladimir-putin');
const RU = toGlobalId('Country', 'RU');
const AZ = toGlobalId('Country', 'AZ');

/** Monaco draws spaces as non-breaking ones. */
function editorText(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

/**
 * The workbench in Debian's headless Chromium against a real server on the seed: GraphiQL and every explorer
 * screen, with every request outside localhost refused and recorded. Screenshots go to test-output/screenshots
 * (git-ignored) for a person to look at; timings are printed as diagnostics, never asserted.
 */
describe('workbench in a real browser', () => {
  let server: TestServer;
  let browser: TestBrowser;
  let page: Page;
  const shots = path.resolve(__dirname, '..', '..', 'test-output', 'screenshots');

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: false });
  }

  async function open(url: string): Promise<void> {
    await page.goto(server.url + url, { waitUntil: 'domcontentloaded' });
  }

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is needed (apt-get install chromium; .ci/run does it)`);
    mkdirSync(shots, { recursive: true });
    server = await startSeededServer({ API_KEYS: TEST_API_KEYS });
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('loads / with a cold cache (timed, not asserted)', async (t) => {
    const started = Date.now();
    await open('/');
    await page.getByRole('heading', { name: 'Diplograph workbench' }).waitFor();
    const rendered = Date.now() - started;
    // IDE is on: the top bar links GraphiQL once the server said it serves it.
    await page.locator('header.top-bar a[href="/graphiql"]').waitFor();
    // Runs in the page: the DOM's performance timeline (this file compiles without the DOM types).
    const timing = await page.evaluate(() => {
      const perf = performance as any;
      const nav = perf.getEntriesByType('navigation')[0];
      const resources: any[] = perf.getEntriesByType('resource');
      const bytes = resources.reduce((sum, entry) => sum + entry.transferSize, nav.transferSize);
      return { load: Math.round(nav.loadEventEnd - nav.startTime) as number, bytes: bytes as number };
    });
    t.diagnostic(
      `first load of / (cold cache): app rendered in ${rendered} ms, load event at ${timing.load} ms, ${Math.round(timing.bytes / 1024)} KB transferred`,
    );
    await shot('home');
  });

  it('GraphiQL renders at /graphql with the README examples as tabs and runs the first one', async () => {
    await open('/graphql');
    await page.locator('.graphiql-container').waitFor();
    const readme = readFileSync(path.join(server.config.projectRoot, 'README.md'), 'utf8');
    const tabs = page.locator('.graphiql-tab');
    await tabs.first().waitFor();
    assert.equal(await tabs.count(), readme.match(/```graphql\n/g)!.length);
    assert.match(await tabs.first().innerText(), /ResolveEntity/);
    await page.locator('.graphiql-query-editor .view-lines').filter({ hasText: 'resolveEntity' }).waitFor();
    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.graphiql-response .view-lines');
    await response.filter({ hasText: 'Donald Trump' }).waitFor({ timeout: 20_000 });
    const text = editorText(await response.innerText());
    assert.match(text, /"__typename": "Actor"/);
    assert.match(text, /"name": "Donald Trump"/);
    await page
      .getByRole('button', { name: /Explorer/i })
      .first()
      .waitFor();
    await page
      .getByRole('button', { name: /History/i })
      .first()
      .waitFor();
    await shot('graphiql');
  });

  it('GraphiQL completes from introspection and sets Authorization: Bearer from its key button', async () => {
    await open('/graphiql');
    const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await page.locator('.graphiql-query-editor .view-lines').filter({ hasText: 'resolveEntity' }).waitFor();
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('{ whoSaid');
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget').filter({ hasText: 'whoSaidWhatAbout' }).waitFor({ timeout: 20_000 });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /API key/ }).click();
    await page.locator('.dg-key-form input').fill('my-editor-key');
    await page.getByRole('button', { name: 'Set header' }).click();
    await page
      .getByRole('button', { name: /headers/i })
      .first()
      .click();
    const headers = page.locator('.graphiql-editor-tool .view-lines').filter({ hasText: 'Authorization' });
    await headers.waitFor();
    assert.match(editorText(await headers.innerText()), /"Authorization": "Bearer my-editor-key"/);
    await shot('graphiql-headers');
  });

  it('search "ترمب" groups hits by type and opens Donald Trump\'s page; back returns to the results', async () => {
    await open('/');
    await page.locator('input[name="q"]').fill('ترمب');
    await page.keyboard.press('Enter');
    const actors = page.locator('.search-group[data-type="Actor"]');
    await actors.waitFor();
    assert.match(new URL(page.url()).search, /q=/);
    await shot('search');
    await actors.getByRole('link', { name: 'Donald Trump' }).click();
    await page.getByRole('heading', { name: /Donald Trump/ }).waitFor();
    assert.equal(new URL(page.url()).pathname, `/node/${TRUMP}`);
    await page.locator('.who-said .statement-card').first().waitFor();
    assert.equal(await page.locator('h1 [dir="auto"]').first().innerText(), 'Donald Trump');
    await shot('entity-trump');
    await page.goBack();
    await actors.waitFor();
    assert.equal(new URL(page.url()).pathname, '/search');
  });

  it("shows Peskov's page (aliases per language, roles, what he said) and Putin's meetings' status history", async () => {
    await open(`/node/${PESKOV}`);
    await page.locator('.what-said .statement-card').first().waitFor();
    assert.match(await page.locator('.what-said').innerText(), /9 statements/);
    const aliases = await page.locator('table.aliases').innerText();
    assert.match(aliases, /ar/);
    assert.match(aliases, /بيسكوف/);
    assert.match(await page.locator('.roles').innerText(), /Kremlin/);
    await shot('entity-peskov');
    await open(`/node/${PUTIN}`);
    await page.locator('.meeting-card .status-history li').first().waitFor();
    await page.locator('.meeting-card').filter({ hasText: 'Summit: Vladimir Putin – Donald Trump' }).waitFor();
    assert.match(await page.locator('.meeting-card').first().innerText(), /HELD|PLANNED|PROPOSED/);
    await shot('entity-putin');
  });

  it('toggles includeRelated on Azerbaijan and keeps it in the URL', async () => {
    await open(`/node/${AZ}`);
    const count = page.locator('.who-said .statement-list > p.muted');
    await count.waitFor();
    assert.equal(await count.innerText(), '2 statements');
    await page.getByLabel(/include related/).check();
    await count.filter({ hasText: '3 statements' }).waitFor();
    assert.match(page.url(), /related=1/);
    await page.goBack();
    await count.filter({ hasText: '2 statements' }).waitFor();
  });

  it("draws Peskov's neighbourhood with his 9 statements, and a click on a node opens it", async () => {
    await open(`/node/${PESKOV}/graph`);
    const statements = page.locator('.legend li[data-type="Statement"]');
    await statements.waitFor();
    assert.equal(await statements.getAttribute('data-count'), '9');
    assert.equal((await page.locator('.graph canvas').count()) > 0, true);
    await shot('graph-peskov');
    const box = (await page.locator('.graph').boundingBox())!;
    // The concentric layout puts the node itself in the middle.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL(`${server.url}/node/${PESKOV}`);
  });

  it('draws the shortest paths from Trump to Aliyev', async () => {
    await open(`/path?from=${TRUMP}&to=${ALIYEV}&maxHops=6`);
    await page.locator('.legend li').first().waitFor();
    const api = await server.gql(`query($a: ID!, $b: ID!) { path(from: $a, to: $b, maxHops: 6) { nodes { id } } }`, {
      a: TRUMP,
      b: ALIYEV,
    });
    const drawn = await page
      .locator('.legend li')
      .evaluateAll((items: any[]) => items.reduce((sum, item) => sum + Number(item.getAttribute('data-count')), 0));
    assert.equal(drawn, api.data!.path.nodes.length);
    await shot('path');
  });

  it("lists Putin's timeline with statements and meeting status changes", async () => {
    await open(`/node/${PUTIN}/timeline`);
    await page.locator('.timeline-item').first().waitFor();
    assert.ok((await page.locator('.kind-status_change').count()) > 0, 'a status change is listed');
    assert.ok((await page.locator('.kind-statement_about, .kind-statement_by').count()) > 0);
    await shot('timeline-putin');
  });

  it("highlights in each statement's article exactly its reports' span text", async () => {
    const res = await server.gql(`{ statements(first: 100) { edges { node { id reports { span { text } } } } } }`);
    const statements = res.data!.statements.edges.map((e: any) => e.node);
    assert.equal(statements.length, 10);
    for (const [index, statement] of statements.entries()) {
      await open(`/node/${statement.id}`);
      await page.locator('.statement-view').waitFor();
      for (const [n, report] of statement.reports.entries()) {
        const mark = page.locator(`[data-report="${n}"] mark.span.primary`);
        assert.equal(await mark.textContent(), report.span.text, `statement ${statement.id} report ${n}`);
      }
      assert.match(await page.locator('.chain').first().innerText(), /outlet[\s\S]*agency[\s\S]*speaker/i);
      assert.match(await page.locator('.facts').innerText(), /Goldstein/);
      if (index === 0) await shot('statement');
    }
  });

  it('renders the Russia–Azerbaijan relations chart with the API totals', async () => {
    await open(`/relations?a=${RU}&b=${AZ}&interval=MONTH`);
    const canvas = page.locator('.chart canvas');
    await canvas.waitFor();
    await page.locator('table.numbers tr.total').waitFor();
    const painted = await canvas.evaluate((c: any) => {
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let count = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count++;
      return count;
    });
    assert.ok(painted > 1000, `the chart painted ${painted} pixels`);
    const api = await server.gql(
      `query($a: ID!, $b: ID!) { relations(a: $a, b: $b, interval: MONTH) { total { aToB { count } bToA { count } } } }`,
      { a: RU, b: AZ },
    );
    const total = await page.locator('table.numbers tr.total td').allInnerTexts();
    assert.equal(Number(total[1]), api.data!.relations.total.aToB.count);
    assert.equal(Number(total[3]), api.data!.relations.total.bToA.count);
    assert.ok(api.data!.relations.total.aToB.count > 0);
    await shot('relations-ru-az');
  });

  it('shows the statementStats dashboard with Peskov as top speaker', async () => {
    await open('/stats');
    await page.locator('.card canvas').nth(3).waitFor();
    const speakers = page.locator('section.card[aria-label="Top speakers"] tbody tr').first();
    assert.match(await speakers.innerText(), /Dmitry Peskov\s+9/);
    assert.match(await page.locator('section.card[aria-label="CAMEO root categories"]').innerText(), /01 Make public/);
    await shot('stats');
  });

  it('shows an API error with its message and code, and an unknown path as not found', async () => {
    await open(`/relations?a=${RU}&b=not-an-id&interval=MONTH`);
    const error = page.locator('.state-error');
    await error.waitFor();
    assert.ok((await error.locator('.error-code').innerText()).length > 0);
    assert.ok((await error.locator('.error-message').innerText()).length > 0);
    await shot('error');
    await open('/no/such/screen');
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
  });

  it('reviews the seed page: candidates with their spans, drop one, ingest the rest with an editor key', async () => {
    // The graph knows the seed's names but not its articles, so the ingest creates them.
    const file = path.join(server.config.projectRoot, SEED_FILE);
    await resetData(server.db);
    await loadBundle(
      server.db,
      file,
      { ...(await readBundleFile(file)), articles: [] },
      CLI_CALLER,
      createLogger('silent'),
    );
    const seedPage = readFileSync(
      path.join(server.config.projectRoot, 'seed', 'source', '000_d5e7333eea537f51.txt'),
      'utf8',
    );
    await open('/');
    await page.locator('nav').getByRole('link', { name: 'Review' }).click();
    await page.locator('textarea[name="page"]').fill(seedPage);
    await page.getByRole('button', { name: 'Extract candidates' }).click();
    const candidates = page.locator('li.candidate');
    await candidates.first().waitFor({ timeout: 30_000 });
    assert.match(new URL(page.url()).search, /^\?page=\w+$/);
    const total = await candidates.count();
    assert.ok(total >= 9, `${total} candidates`);
    assert.equal(await page.locator('section.review-article').count(), 2);

    // A candidate's highlighted span is its words, and is marked as the one selected.
    const accepted = page.locator('li.candidate[data-status="accepted"]');
    const first = accepted.first();
    const index = Number(await first.getAttribute('data-candidate'));
    await first.locator('.candidate-number').click();
    const mark = page.locator(`section.review-article[data-article="0"] mark#cand-0-${index}`);
    assert.equal(await mark.getAttribute('class'), 'span primary');
    assert.equal(await mark.textContent(), await first.locator('.candidate-text').textContent());
    assert.match(
      await first.locator('.facts').innerText(),
      /Speaker[\s\S]*Via[\s\S]*On behalf of[\s\S]*About[\s\S]*CAMEO \d+[\s\S]*Goldstein/,
    );
    assert.match(await first.locator('.confidence').innerText(), /^(0|1)\.\d\d$/);
    await shot('review');

    // Drop one accepted candidate: its span is no longer marked, and the decision survives back and forward.
    const keep = await accepted.count();
    assert.ok(keep >= 9, `${keep} accepted`);
    const dropped = accepted.nth(1);
    const droppedIndex = Number(await dropped.getAttribute('data-candidate'));
    const droppedArticle = await dropped.evaluate((li: any) => li.closest('section').getAttribute('data-article'));
    const droppedText = (await dropped.locator('.candidate-text').textContent())!;
    await dropped.getByRole('button', { name: 'Drop' }).click();
    assert.equal(await page.locator('li.candidate[data-status="accepted"]').count(), keep - 1);
    assert.equal(await page.locator(`mark#cand-${droppedArticle}-${droppedIndex}`).count(), 0);
    await page.goBack();
    assert.equal(await page.locator('textarea[name="page"]').inputValue(), seedPage);
    await page.goForward();
    await candidates.first().waitFor();
    assert.equal(await page.locator('li.candidate[data-status="accepted"]').count(), keep - 1);

    // Edit one: the translation typed goes in with it.
    const editedOne = page.locator('li.candidate[data-status="accepted"]').first();
    await editedOne.getByRole('button', { name: 'Edit' }).click();
    await editedOne.locator('.statement-editor').getByLabel('English translation').fill('Reviewed translation');
    await editedOne.getByRole('button', { name: 'Done' }).click();
    await editedOne.locator('.chip.edited').waitFor();

    // A wrong key: the API's message and code, nothing written.
    const ingest = page.getByRole('button', { name: /^Ingest \d+ accepted statements/ });
    assert.match(await ingest.innerText(), new RegExp(`Ingest ${keep - 1} accepted statements \\(2 articles\\)`));
    await page.locator('input[name="editorKey"]').fill('not-a-key');
    await ingest.click();
    const error = page.locator('.ingest-result .state-error');
    await error.waitFor();
    assert.equal(await error.locator('.error-code').innerText(), 'UNAUTHENTICATED');
    assert.match(await error.locator('.error-message').innerText(), /not valid/);
    // The browser logs the refused request (HTTP 401) as a console error; that one was meant.
    const refused = browser.errors.findIndex((e) => /status of 401/.test(e));
    if (refused >= 0) browser.errors.splice(refused, 1);

    await page.locator('input[name="editorKey"]').fill(EDITOR_KEY);
    await ingest.click();
    const created = page.locator('.ingest-result tr.total');
    await created.waitFor();
    assert.equal(await created.locator('td[data-created="statements"]').innerText(), `${keep - 1} / 0`);
    assert.equal(await created.locator('td[data-created="articles"]').innerText(), '2 / 0');
    assert.ok(!page.url().includes(EDITOR_KEY), 'the key stays out of the URL');
    assert.equal(
      await page.evaluate(() => (globalThis as any).sessionStorage.getItem('diplograph.editorKey')),
      JSON.stringify(EDITOR_KEY),
    );
    const stored = await server.gql(`{ statements(first: 100) { totalCount edges { node { text translation } } } }`);
    assert.equal(stored.data!.statements.totalCount, keep - 1);
    assert.equal(
      stored.data!.statements.edges.filter((e: any) => e.node.translation === 'Reviewed translation').length,
      1,
    );
    assert.ok(
      !stored.data!.statements.edges.some((e: any) => e.node.text === droppedText),
      'the dropped one is not stored',
    );
    await page.locator('.ingest-result').scrollIntoViewIfNeeded();
    await shot('review-ingested');
  });

  it('keeps the neighbourhood responsive at 1,000 nodes of a synthetic graph (timed, not asserted)', async (t) => {
    await resetData(server.db);
    const generator = new SynthGenerator({ statements: 2000, seed: 7 });
    await loadSynthetic(server.db, generator, { batchStatements: 500 });
    const id = toGlobalId('Country', generator.busiestCountry);
    const started = Date.now();
    await open(`/node/${id}/graph?depth=2&limit=1000`);
    await page.locator('.legend li').first().waitFor({ timeout: 60_000 });
    const shown = Date.now() - started;
    const drawn = await page
      .locator('.legend li')
      .evaluateAll((items: any[]) => items.reduce((sum, item) => sum + Number(item.getAttribute('data-count')), 0));
    assert.equal(drawn, 1000);
    await page.locator('.notice').filter({ hasText: 'Truncated' }).waitFor();
    const layout = await page.locator('.graph-screen p.muted').innerText();
    const box = (await page.locator('.graph').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // Resolves once the page has painted twice: the interaction's frame is on screen.
    const nextFrame = () =>
      page.evaluate(() => {
        const raf = (globalThis as any).requestAnimationFrame as (callback: () => void) => void;
        return new Promise<void>((resolve) => raf(() => raf(resolve)));
      });
    const frames: number[] = [];
    for (let i = 0; i < 10; i++) {
      const before = Date.now();
      await page.mouse.wheel(0, i < 5 ? -200 : 200);
      await nextFrame();
      frames.push(Date.now() - before);
    }
    await page.mouse.down();
    for (let i = 0; i < 10; i++) {
      const before = Date.now();
      await page.mouse.move(box.x + box.width / 2 + i * 20, box.y + box.height / 2 + i * 10);
      await nextFrame();
      frames.push(Date.now() - before);
    }
    await page.mouse.up();
    frames.sort((a, b) => a - b);
    t.diagnostic(
      `neighbourhood of 1000 nodes: shown ${shown} ms after navigation (${layout}); zoom/pan to next frame: median ${frames[10]} ms, max ${frames[19]} ms over 20 interactions`,
    );
    await shot('graph-1000');
  });

  it('logged no console error on any screen and sent no request outside localhost', () => {
    assert.deepEqual(browser.errors, []);
    assert.deepEqual(browser.blocked, []);
    assert.ok(browser.requests.length > 50);
    for (const url of browser.requests) assert.match(url, /^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:)/, url);
  });
});

describe('the explorer on a server that runs registered operations only (TRUSTED_DOCUMENTS=true)', () => {
  let server: TestServer;
  let browser: TestBrowser;

  before(async () => {
    server = await startSeededServer({ TRUSTED_DOCUMENTS: 'true' });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('works by sending ids, and shows no GraphiQL link when the IDE is off', async () => {
    const page = await browser.newPage();
    const bodies: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && request.method() === 'POST') bodies.push(request.postData() ?? '');
    });
    let probed = false;
    page.on('response', (response) => {
      if (response.url().endsWith('/graphiql') && response.request().method() === 'HEAD') probed = true;
    });
    await page.goto(`${server.url}/node/${PESKOV}`, { waitUntil: 'domcontentloaded' });
    await page.locator('.what-said .statement-card').first().waitFor();
    assert.match(await page.locator('.what-said').innerText(), /9 statements/);
    for (let i = 0; i < 100 && !probed; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(probed, 'the explorer asked whether the IDE is served');
    assert.equal(await page.locator('a[href="/graphiql"]').count(), 0);
    await page.goto(`${server.url}/`, { waitUntil: 'domcontentloaded' });
    await page.getByRole('heading', { name: 'Diplograph workbench' }).waitFor();
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(await page.locator('a[href="/graphiql"]').count(), 0);
    assert.ok(bodies.length > 0);
    for (const body of bodies) {
      const request = JSON.parse(body) as { query?: string; extensions?: { persistedQuery?: { sha256Hash?: string } } };
      assert.equal(request.query, undefined, 'the explorer sends ids, not texts');
      assert.match(request.extensions?.persistedQuery?.sha256Hash ?? '', /^[0-9a-f]{64}$/);
    }
    // Chromium logs the probe's 404 (HEAD /graphiql: no IDE here) as a console error; nothing else may fail.
    assert.deepEqual(
      browser.errors.filter((e) => !/status of 404/.test(e)),
      [],
    );
  });
});
