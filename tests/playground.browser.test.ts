/**
 * The playground in a real headless Chromium against the real server: it must
 * render from this host alone and run the first example end to end.
 * Set PLAYGROUND_SCREENSHOT=/tmp/playground.png to keep a picture of it.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { PLAYGROUND_EXAMPLES } from '../src/playground/playground.examples';
import { describeWithChromium, launchChromium } from './helpers/chromium';
import { startTestServer } from './helpers/test-server';

interface ResultPane {
  data?: { articles?: { edges: { node: { title: string } }[] } };
  errors?: unknown[];
}

describeWithChromium('GraphQL playground in Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startTestServer({ seedDemo: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  });

  afterEach(async () => {
    await context?.close();
  });

  it('loads everything from this host and runs the LatestSwahili example', async () => {
    const serverHost = new URL(server.url).host;
    const isLocal = (url: string): boolean => url.startsWith('data:') || new URL(url).host === serverHost;
    const requested: string[] = [];
    const problems: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    // A leak should fail the assertion below, not wait for a network that is not there.
    await context.route((url) => !isLocal(url.href), (route) => route.abort());

    const page = await context.newPage();
    page.on('websocket', (socket) => requested.push(socket.url()));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // CSP violations and failed loads are reported as console errors.
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });

    const response = await page.goto(`${server.url}/graphql`);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe('Habari GraphQL playground');

    await page.locator('.graphiql-container .graphiql-query-editor .CodeMirror').waitFor();
    await page.waitForFunction(editorIncludes, ['.graphiql-query-editor', 'query LatestSwahili'] as const);
    const tabCount = await page.locator('.graphiql-tab').count();
    expect(tabCount).toBe(PLAYGROUND_EXAMPLES.length);

    await page.locator('.graphiql-execute-button').click();
    await page.waitForFunction(editorIncludes, ['.result-window', '"articles"'] as const);
    const result = JSON.parse(await page.evaluate<string>(editorText('.result-window'))) as ResultPane;

    expect(result.errors).toBeUndefined();
    const titles = result.data?.articles?.edges.map((edge) => edge.node.title) ?? [];
    expect(titles.length).toBeGreaterThan(0);
    expect(titles).toEqual(await latestSwahiliTitles(server.url));
    // And the reader really sees it, not only the editor model.
    expect(await page.locator('.result-window').innerText()).toContain(titles[0]);

    // Dialogs inject a <style> element: the page's style nonce must cover it.
    await page.locator('button[aria-label="Open settings dialog"]').click();
    await page.locator('[role="dialog"]').waitFor();
    // Its close button, not Escape: a key pressed before the dialog has taken focus (a loaded machine) goes nowhere.
    await page.locator('[role="dialog"] .graphiql-dialog-close').click();
    await page.locator('[role="dialog"]').waitFor({ state: 'detached' });

    if (process.env.PLAYGROUND_SCREENSHOT) await page.screenshot({ path: process.env.PLAYGROUND_SCREENSHOT });

    expect(requested.filter((url) => !isLocal(url))).toEqual([]);
    expect(problems).toEqual([]);
  });
});

/**
 * Browser-side expression for the text of a GraphiQL CodeMirror 5 editor,
 * lines scrolled out of view included. A string, not a function, so coverage
 * instrumentation cannot slip Node-only counters into code that runs in the page.
 */
function editorText(selector: string): string {
  return `(document.querySelector(${JSON.stringify(`${selector} .CodeMirror`)})?.CodeMirror?.getValue() ?? '')`;
}

/**
 * Runs in the page. Passed as a function, not a string: Playwright polls a
 * string predicate with eval, which the page's CSP (rightly) forbids.
 */
function editorIncludes([selector, needle]: readonly [string, string]): boolean {
  // `document` exists in the page; this project's TypeScript libs have no DOM types.
  const page = globalThis as unknown as { document: { querySelector(s: string): { CodeMirror?: { getValue(): string } } | null } };
  const editor = page.document.querySelector(`${selector} .CodeMirror`);
  return (editor?.CodeMirror?.getValue() ?? '').includes(needle);
}

/** What the server itself answers for the example, to compare with the page. */
async function latestSwahiliTitles(baseUrl: string): Promise<string[]> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: PLAYGROUND_EXAMPLES[0].query, operationName: 'LatestSwahili' }),
  });
  const body = (await response.json()) as ResultPane;
  return body.data?.articles?.edges.map((edge) => edge.node.title) ?? [];
}
