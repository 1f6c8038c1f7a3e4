import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Browser, chromium, type Frame, type FrameLocator, type Page } from 'playwright-core';

import { FRAME_CSS } from '../src/widget/frame-stylesheet.js';
import { WIDGET_BUILD_DIR } from '../src/widget/widget-assets.js';
import { WIDGET_MESSAGES } from '../src/widget/widget-messages.js';
import { describeWithService } from './support/services.js';
import { createTestApp, type TestApp, type TestPartner } from './support/test-app.js';

/**
 * The embeddable widget. Over HTTP (always): the loader, the frame's framing policy per key, and
 * how publishable keys treat Mend's own frame. In a real Chromium (when /usr/bin/chromium exists;
 * .ci/run installs it): the whole widget on partner pages served from another origin, so
 * frame-ancestors, postMessage origin checks and CORS are real. Screenshots: test-artifacts/widget/.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = 'test-artifacts/widget';
// Without Chromium the browser tests are skipped with this reason (printed, and listed again at the
// end of the run); under CI=true they fail instead.
const chromium_ = existsSync(CHROMIUM)
  ? ({ available: true } as const)
  : ({ available: false, reason: `no ${CHROMIUM}; apt-get install -y chromium (.ci/run installs it)` } as const);

const EXIT_URL = 'https://www.weather.com/';
const SAFETY_INTAKE = { concerns: ['infidelity'], willingness: 'both', safety: { feelsAfraid: true }, postalCode: '43215', country: 'US' };

/** A partner's web server on another origin (127.0.0.1, while Mend is browsed as localhost: another site). */
async function startHost(pages: Partial<Record<string, () => string>>): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const html = pages[new URL(request.url ?? '/', 'http://host').pathname]?.();
    response.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' }).end(html ?? 'not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('widget', () => {
  let t: TestApp;
  let partner: TestPartner;
  let mend: string; // Mend as the browser sees it
  let allowedHost: { server: Server; origin: string };
  let otherHost: { server: Server; origin: string };
  let demoHtml = '';
  let demoHtmlEs = '';

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    mend = `http://localhost:${port}`;
    allowedHost = await startHost({
      '/article': () => demoHtml,
      '/articulo': () => demoHtmlEs,
      // An English page whose embed asks for Spanish: data-lang wins over <html lang>.
      // A Mexican Spanish page with the intake: its region preselects México.
      '/es-mx': () =>
        `<!doctype html><html lang="es-MX"><head><title>Socio</title></head><body><mend-finder data-key="${partner.publishableKey}" data-mode="intake"></mend-finder><script src="${mend}/widget.js" async></script></body></html>`,
      '/data-lang': () =>
        `<!doctype html><html lang="en"><head><title>Partner</title></head><body><aside><mend-finder data-key="${partner.publishableKey}" data-lang="es-MX"></mend-finder></aside><script src="${mend}/widget.js" async></script></body></html>`,
    });
    otherHost = await startHost({ '/article': () => demoHtml });
    partner = await t.createPartner({ name: 'second-chances', origins: [allowedHost.origin, mend] });
    // The demo partner page as Mend renders it for this key, served from the partner's own origin.
    const demo = await t.http().get(`/widget/demo?key=${partner.publishableKey}`).set('Host', `localhost:${port}`).expect(200);
    demoHtml = demo.text;
    demoHtmlEs = (await t.http().get(`/widget/demo?key=${partner.publishableKey}&lang=es`).set('Host', `localhost:${port}`).expect(200))
      .text;
  });

  afterAll(async () => {
    await new Promise((done) => allowedHost?.server.close(done));
    await new Promise((done) => otherHost?.server.close(done));
    await t?.close();
  });

  describe('over HTTP', () => {
    it('serves the loader to pages on any site, cached briefly', async () => {
      const res = await t.http().get('/widget.js').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/javascript/);
      expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
      expect(res.headers['cache-control']).toBe('public, max-age=300');
      expect(res.text).toContain('customElements.define');
      await t.http().get('/widget.js').set('If-None-Match', res.headers.etag).expect(304);
      // Weak comparison over a list (RFC 9110 §13.1.2), as for the directory's ETags.
      await t.http().get('/widget.js').set('If-None-Match', `"stale", W/${res.headers.etag}`).expect(304);
      await t.http().get('/widget.js').set('If-None-Match', '"stale"').expect(200);
    });

    it("lets only the key's partner origins frame the frame, with a strict CSP of its own", async () => {
      const res = await t.http().get(`/widget/frame?key=${partner.publishableKey}&mode=intake&accent=%23aa3366`).expect(200);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain(`frame-ancestors ${allowedHost.origin} ${mend}`);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers['x-frame-options']).toBeUndefined();
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)/); // no inline script
      expect(res.text).not.toMatch(/\sstyle=|<style/); // no inline style
      expect(res.text).toContain('data-mode="intake"');
      expect(res.text).toContain('data-accent="#aa3366"');
    });

    it('answers unknown, revoked and secret keys alike, with a page nobody may frame', async () => {
      const revoked = await t.createPartner({ name: 'revoked', origins: [allowedHost.origin] });
      const keys = await t.http().get('/v1/keys').set('Authorization', revoked.auth).expect(200);
      const pk = keys.body.data.find((k: { kind: string }) => k.kind === 'publishable');
      await t.http().post(`/v1/keys/${pk.id}/revoke`).set('Authorization', revoked.auth).expect(200);
      const bodies = new Set<string>();
      for (const key of [revoked.publishableKey, partner.secretKey, `mend_pk_test_${'a'.repeat(38)}`, '<script>']) {
        const res = await t
          .http()
          .get(`/widget/frame?key=${encodeURIComponent(key)}`)
          .expect(403);
        expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
        expect(res.headers['x-frame-options']).toBe('DENY');
        expect(res.text).not.toContain(key);
        bodies.add(res.text);
      }
      expect(bodies.size).toBe(1);
    });

    it("keeps frame-ancestors 'none' and X-Frame-Options everywhere else", async () => {
      for (const path of ['/health', '/docs', '/widget/frame.js', `/widget/demo?key=${partner.publishableKey}`]) {
        const res = await t.http().get(path).expect(200);
        expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
        expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      }
    });

    it('stays within its size budget: under 25 KB gzipped, loader, frame scripts, one language and stylesheet together', () => {
      const names = readdirSync(WIDGET_BUILD_DIR).filter((n) => n.endsWith('.js'));
      expect(names).toEqual(expect.arrayContaining(['loader.js', 'frame.js', 'messages-en.js', 'messages-es.js']));
      const gzipped = (file: Buffer) => gzipSync(file, { level: 9 }).length;
      // A visitor's browser loads the catalogue of its language only (messages.ts loadMessages).
      const shared = [
        ...names.filter((n) => !/^messages-\w+\.js$/.test(n)).map((n) => readFileSync(join(WIDGET_BUILD_DIR, n))),
        Buffer.from(FRAME_CSS),
      ];
      for (const lang of ['en', 'es']) {
        const total = [...shared, readFileSync(join(WIDGET_BUILD_DIR, `messages-${lang}.js`))].reduce(
          (sum, file) => sum + gzipped(file),
          0,
        );
        expect({ lang, total: total < 25_000 }).toEqual({ lang, total: true });
      }
    });

    it('serves only the built widget files', async () => {
      await t
        .http()
        .get('/widget/frame.js')
        .expect(200)
        .expect('content-type', /javascript/);
      await t
        .http()
        .get('/widget/frame.css')
        .expect(200)
        .expect('content-type', /text\/css/);
      for (const path of ['/widget/nope.js', '/widget/..%2Fpackage.json', '/widget/.tsbuildinfo']) {
        const res = await t.http().get(path);
        expect(res.status).toBe(404);
      }
    });

    it('writes the frame page in the language the loader asks for (en or es; anything else: en)', async () => {
      const es = await t.http().get(`/widget/frame?key=${partner.publishableKey}&lang=es`).expect(200);
      expect(es.text).toContain('<html lang="es">');
      expect(es.text).toContain('data-lang="es"');
      expect(es.text).toContain('<title>Buscar terapia de pareja</title>');
      expect(es.text).toContain('Cargando…');
      for (const lang of ['fr', 'es<script>', '']) {
        const other = await t
          .http()
          .get(`/widget/frame?key=${partner.publishableKey}&lang=${encodeURIComponent(lang)}`)
          .expect(200);
        expect(other.text).toContain('<html lang="en">');
        expect(other.text).toContain('data-lang="en"');
      }
      const unavailable = await t.http().get(`/widget/frame?key=nope&lang=es`).expect(403);
      expect(unavailable.text).toContain('Este buscador no está disponible');
    });

    it('serves the demo page in Spanish with ?lang=es (the finders follow its <html lang>)', () => {
      expect(demoHtmlEs).toContain('<html lang="es">');
      expect(demoHtmlEs).toContain('Cuando se rompe la confianza');
      expect(demoHtmlEs).toContain('<code>data-lang=&quot;en|es&quot;</code>');
      expect(demoHtmlEs).not.toContain('When trust breaks');
      expect(demoHtml).toContain('<html lang="en">');
    });

    describe("publishable keys from Mend's own widget frame", () => {
      const intake = { concerns: ['lying'], willingness: 'both', region: 'US-OH' };
      const fromFrame = (embedding: string, site = 'same-origin') =>
        t
          .http()
          .post('/v1/intakes')
          .set('Authorization', `Bearer ${partner.publishableKey}`)
          .set('Origin', 'null')
          .set('Sec-Fetch-Site', site)
          .set('Mend-Embed-Origin', embedding);

      it("work when the frame names an embedding page among the partner's origins", async () => {
        const res = await fromFrame(allowedHost.origin).send(intake).expect(201);
        expect(res.headers['access-control-allow-origin']).toBeUndefined(); // same-origin: no CORS
        await t
          .http()
          .get('/v1/resources?limit=1')
          .set('Authorization', `Bearer ${partner.publishableKey}`)
          .set('Sec-Fetch-Site', 'same-origin')
          .set('Mend-Embed-Origin', allowedHost.origin)
          .expect(200);
      });

      it('fail for an embedding page the partner does not allow', async () => {
        const res = await fromFrame(otherHost.origin).send(intake).expect(403);
        expect(res.body.code).toBe('origin_not_allowed');
      });

      it('ignore the claim on a request that is not same-origin (another site cannot make it)', async () => {
        const res = await fromFrame(allowedHost.origin, 'cross-site').set('Origin', otherHost.origin).send(intake).expect(403);
        expect(res.body.code).toBe('origin_not_allowed');
        await fromFrame(allowedHost.origin, 'cross-site').set('Origin', allowedHost.origin).send(intake).expect(201); // the ordinary rule
      });
    });
  });

  describeWithService('Chromium', chromium_, 'widget in Chromium', () => {
    let browser: Browser;

    beforeAll(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      });
    });
    afterAll(() => browser?.close());

    /** A page that records its console and answers the neutral Quick exit site locally (no Internet here). */
    async function open(url: string, width = 1280): Promise<{ page: Page; console: string[] }> {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const messages: string[] = [];
      page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
      await page.route(`${EXIT_URL}**`, (route) =>
        route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><h1>Weather</h1>' }),
      );
      await page.goto(url);
      return { page, console: messages };
    }

    /**
     * Full-page screenshots leave cross-origin frames blank below the first screen (Chromium
     * paints out-of-process frames only inside the viewport), so the viewport grows to the page.
     */
    async function snap(page: Page, name: string, widget?: string): Promise<void> {
      const width = page.viewportSize()?.width ?? 1280;
      const height = await page.evaluate<number>('document.documentElement.scrollHeight');
      await page.setViewportSize({ width, height: Math.min(height, 10_000) });
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${ARTIFACTS}/${name}.png` });
      if (widget) await page.locator(widget).screenshot({ path: `${ARTIFACTS}/${name}-widget.png` });
    }

    const intakeFrame = (page: Page) => page.frameLocator('.embed mend-finder iframe');
    const searchFrame = (page: Page) => page.frameLocator('aside mend-finder iframe');

    /** The widget has started: the frame rendered its controls after the handshake with the loader. */
    const started = (frame: FrameLocator, lang: 'en' | 'es' = 'en') =>
      frame.getByRole('button', { name: WIDGET_MESSAGES[lang]['frame.exit'] }).waitFor({ timeout: 15_000 });

    /** The frame's own document (for measuring it). */
    const frameOf = (page: Page, mode: string): Frame => page.frames().find((f) => f.url().includes(`mode=${mode}`)) as Frame;

    /** Answers "Where are you right now?": the intake asks, it assumes no country. */
    const chooseCountry = (frame: FrameLocator, country: string, lang: 'en' | 'es' = 'en') =>
      frame.getByLabel(WIDGET_MESSAGES[lang]['safety.where']).selectOption(country);

    async function answerIntake(frame: FrameLocator, safety: 'none' | 'afraid'): Promise<void> {
      await chooseCountry(frame, 'US');
      for (const question of ['hit, pushed', 'afraid', 'phone', 'pressured', 'suicide']) {
        const answer = safety === 'afraid' && question === 'afraid' ? 'Yes' : 'No';
        await frame
          .getByRole('group', { name: new RegExp(question) })
          .getByLabel(answer, { exact: true })
          .check();
      }
      await frame.getByRole('button', { name: 'Next' }).click();
      if (safety === 'afraid') await frame.getByRole('heading', { name: 'You can talk to someone now' }).waitFor();
      await frame.getByLabel('An affair or emotional infidelity').check();
      await frame.getByRole('button', { name: 'Next' }).click();
      await frame.getByLabel('We both want to work on it together').check();
      await frame.getByRole('button', { name: 'Next' }).click();
      await frame.getByLabel('ZIP or postal code (optional)').fill('43215');
      await frame.getByRole('button', { name: 'Next' }).click();
      await frame.getByLabel('In person').check();
      await frame.getByLabel('Video').check();
      await frame.getByRole('button', { name: 'Next' }).click();
      await frame.getByRole('heading', { name: 'What you need' }).waitFor();
      await frame.getByRole('button', { name: 'Next' }).click();
      await frame.getByLabel('Up to $150 a session').check();
      await frame.getByRole('button', { name: 'See my options' }).click();
      await frame.getByRole('heading', { name: 'Your options' }).waitFor({ timeout: 15_000 });
    }

    it('the demo page loads the widget (both modes)', async () => {
      const { page, console } = await open(`${mend}/widget/demo?key=${partner.publishableKey}`);
      await started(intakeFrame(page));
      await started(searchFrame(page));
      await expect(intakeFrame(page).getByRole('heading', { name: 'Your safety' }).isVisible()).resolves.toBe(true);
      await expect(searchFrame(page).getByLabel('ZIP or postal code').isVisible()).resolves.toBe(true);
      await snap(page, 'demo-page');
      expect(console.filter((m) => m.startsWith('error') && !m.includes('favicon'))).toEqual([]);
      await page.close();
    });

    it('a search by postal code shows results, announced politely', async () => {
      const { page, console } = await open(`${allowedHost.origin}/article`);
      const frame = searchFrame(page);
      await started(frame);
      await frame.getByLabel('ZIP or postal code').fill('43215');
      await frame.getByRole('button', { name: 'Search', exact: true }).click();
      // The results' status (each card has its own, for its report).
      const status = frame.locator('.view > [role=status]');
      await status.filter({ hasText: /^Showing \d+ of \d+/ }).waitFor({ timeout: 15_000 });
      await expect(status.getAttribute('aria-live')).resolves.toBe('polite');
      const cards = frame.getByRole('list', { name: 'Search results' }).getByRole('listitem');
      expect(await cards.count()).toBeGreaterThan(0);
      await expect(cards.first().getByRole('heading').textContent()).resolves.toBeTruthy();
      await snap(page, 'search-results', 'aside mend-finder');
      expect(console.filter((m) => m.startsWith('error'))).toEqual([]);
      await page.close();
    });

    it('says what went wrong in plain words: a rate limit with the wait, a lost connection; never JSON', async () => {
      const { page } = await open(`${allowedHost.origin}/article`);
      const frame = searchFrame(page);
      await started(frame);
      await page.route('**/v1/resources?**', (route) =>
        route.fulfill({
          status: 429,
          headers: { 'retry-after': '7' },
          contentType: 'application/problem+json',
          body: JSON.stringify({
            type: 'https://mend.dev/problems/rate-limited',
            status: 429,
            code: 'rate_limited',
            detail: 'Too many requests',
          }),
        }),
      );
      await frame.getByLabel('ZIP or postal code').fill('43215');
      await frame.getByRole('button', { name: 'Search', exact: true }).click();
      const status = frame.getByRole('status');
      await status
        .filter({ hasText: 'A lot of people are searching right now. Please try again in 7 seconds.' })
        .waitFor({ timeout: 15_000 });
      await page.unroute('**/v1/resources?**');
      await page.route('**/v1/resources?**', (route) => route.abort('internetdisconnected'));
      await frame.getByRole('button', { name: 'Search', exact: true }).click();
      await status.filter({ hasText: "We couldn't reach the service." }).waitFor({ timeout: 15_000 });
      expect(await frame.locator('body').textContent()).not.toMatch(/rate_limited|"status"|{/);
      await snap(page, 'search-error', 'aside mend-finder');
      await page.close();
    });

    it('the intake flow reaches matches with their reasons, and a referral can be requested', async () => {
      const { page } = await open(`${allowedHost.origin}/article`);
      const frame = intakeFrame(page);
      await started(frame);
      await answerIntake(frame, 'none');
      await expect(frame.getByRole('heading', { name: 'Your safety comes first' }).count()).resolves.toBe(0);
      // With no safety answer yes, the lines are still there, low-key, after the matches.
      const baseline = frame.locator('.results details.safety-baseline');
      await expect(baseline.locator('summary').textContent()).resolves.toMatch(/If you ever feel unsafe/);
      await baseline.locator('summary').click();
      await expect(baseline.locator('.card-hotline').count()).resolves.toBeGreaterThanOrEqual(2);
      // Fictional listings say so on their card.
      await expect(frame.getByText('Example listing (fictional, not a real service)').first().isVisible()).resolves.toBe(true);
      const matches = frame.getByRole('list', { name: 'Matches' }).locator(':scope > li');
      expect(await matches.count()).toBeGreaterThan(0);
      await expect(matches.first().getByText('Why this fits').isVisible()).resolves.toBe(true);
      expect(await matches.first().locator('.reasons li').count()).toBeGreaterThan(0);
      await snap(page, 'intake-matches', '.embed mend-finder');

      // This click must make exactly one new referral of this partner, for the resource the page names.
      const idsOf = async () =>
        ((await t.http().get('/v1/referrals?limit=100').set('Authorization', partner.auth).expect(200)).body.data as { id: string }[]).map(
          (r) => r.id,
        );
      const before = new Set(await idsOf());
      await matches.first().getByRole('button', { name: 'Request referral' }).click();
      const confirmation = frame.getByText(/^Referral requested for /);
      await confirmation.waitFor({ timeout: 15_000 });
      const made = (await idsOf()).filter((id) => !before.has(id));
      expect(made).toHaveLength(1);
      const referral = (await t.http().get(`/v1/referrals/${made[0]}`).set('Authorization', partner.auth).expect(200)).body;
      expect(referral.status).toBe('requested');
      const resource = (await t.http().get(`/v1/resources/${referral.resourceId}`).expect(200)).body;
      expect(await confirmation.textContent()).toContain(resource.name);
      await page.close();
    });

    it('the safety path shows hotline resources first, at once and in the results', async () => {
      const { page } = await open(`${allowedHost.origin}/article`);
      const frame = intakeFrame(page);
      await started(frame);
      await answerIntake(frame, 'afraid');
      // What the API puts first for the same answers is what the couple sees first.
      const api = await t.http().post('/v1/intakes').set('Authorization', partner.auth).send(SAFETY_INTAKE).expect(201);
      const firstLine: string = api.body.safety.resources[0].name;
      const headings = await frame.locator('.results h3, .results h4').allTextContents();
      expect(headings[0]).toBe('Your safety comes first');
      expect(headings[1]).toBe(firstLine);
      const safetyCards = frame.locator('.results .safety .card');
      expect(await safetyCards.count()).toBeGreaterThan(0);
      await expect(
        safetyCards
          .first()
          .getByText(/^Hotline/)
          .isVisible(),
      ).resolves.toBe(true);
      // Hotlines come before any match in the page.
      const order = await frame.locator('.results .card').evaluateAll((cards) => cards.map((c) => c.classList.contains('card-hotline')));
      const firstMatch = order.indexOf(false);
      expect(firstMatch).toBeGreaterThan(0);
      expect(order.slice(0, firstMatch).every(Boolean)).toBe(true);
      await snap(page, 'intake-safety', '.embed mend-finder');
      await page.close();
    });

    it('asks where the person is first: a UK answer brings UK lines at once, never US ones, with their other ways in', async () => {
      const { page } = await open(`${allowedHost.origin}/article`);
      const frame = intakeFrame(page);
      await started(frame);
      await frame.getByLabel('Where are you right now?').selectOption('GB');
      await frame
        .getByRole('group', { name: /afraid/ })
        .getByLabel('Yes', { exact: true })
        .check();
      await frame.getByRole('button', { name: 'Next' }).click();
      const panel = frame.locator('[aria-labelledby="safety-title"]');
      await frame.getByRole('heading', { name: 'National Domestic Abuse Helpline' }).waitFor({ timeout: 15_000 });
      const text = await panel.textContent();
      expect(text).toContain('0808 2000 247');
      expect(text).not.toMatch(/988|1-800-799-7233/);
      await page.close();

      // A US person sees the national hotline's text and TTY channels on its card.
      const us = await open(`${allowedHost.origin}/article`);
      const usFrame = intakeFrame(us.page);
      await started(usFrame);
      await chooseCountry(usFrame, 'US');
      await usFrame
        .getByRole('group', { name: /afraid/ })
        .getByLabel('Yes', { exact: true })
        .check();
      await usFrame.getByRole('button', { name: 'Next' }).click();
      const ndvh = usFrame.getByRole('article', { name: 'National Domestic Violence Hotline' });
      await ndvh.waitFor({ timeout: 15_000 });
      const card = await ndvh.textContent();
      expect(card).toContain('Text START to 88788');
      expect(card).toContain('TTY: 1-800-787-3224');
      await us.page.close();
    });

    it('in Spanish, "España" brings Spain\'s emergency number 112 and no US line, at once and in the results', async () => {
      const { page } = await open(`${allowedHost.origin}/articulo`);
      const frame = intakeFrame(page);
      await started(frame, 'es');
      const es = WIDGET_MESSAGES.es;
      const where = frame.getByLabel(es['safety.where']);
      // No silent US default on a page that names no region: the person must choose, and sees why.
      await expect(where.inputValue()).resolves.toBe('');
      await frame.getByRole('group', { name: es['safety.q.feelsAfraid'] }).getByLabel('Sí', { exact: true }).check();
      const next = frame.getByRole('button', { name: 'Siguiente' });
      await next.click();
      await frame.getByText(es['safety.whereMissing']).waitFor();
      await expect(frame.getByRole('heading', { name: es['helplines.title'] }).count()).resolves.toBe(0);
      // Offered by name in Spanish, with México, Puerto Rico and "Otro país" too.
      const options = await where.locator('option').allTextContents();
      expect(options).toEqual(expect.arrayContaining(['España', 'México', 'Puerto Rico', 'Otro país']));
      await where.selectOption({ label: 'España' });
      const lines = page.waitForRequest((r) => r.url().includes('/v1/safety-lines'));
      await next.click();
      expect(new URL((await lines).url()).searchParams.get('country')).toBe('ES');
      const panel = frame.locator('[aria-labelledby="safety-title"]');
      await panel.getByText(/112/).first().waitFor({ timeout: 15_000 });
      expect(await panel.textContent()).not.toMatch(/911|988|1-800/);

      await frame.getByLabel('Una aventura o una infidelidad emocional').check();
      await next.click();
      await frame.getByLabel('Los dos queremos trabajar en esto, en pareja').check();
      await next.click();
      await next.click();
      await next.click();
      await next.click();
      const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/v1/intakes'));
      await frame.getByRole('button', { name: 'Ver las opciones' }).click();
      expect((await sent).postDataJSON()).toMatchObject({ country: 'ES', lang: 'es' });
      await frame.getByRole('heading', { name: 'Sus opciones' }).waitFor({ timeout: 15_000 });
      const results = await frame.locator('.results .safety').textContent();
      expect(results).toContain('112');
      expect(results).not.toMatch(/911|988|1-800/);
      await page.close();
    });

    it('"Other country" sends no country and shows the local emergency number and findahelpline.com, not US lines', async () => {
      const { page } = await open(`${allowedHost.origin}/articulo`);
      const frame = intakeFrame(page);
      await started(frame, 'es');
      const es = WIDGET_MESSAGES.es;
      await frame.getByLabel(es['safety.where']).selectOption({ label: 'Otro país' });
      await frame.getByRole('group', { name: es['safety.q.feelsAfraid'] }).getByLabel('Sí', { exact: true }).check();
      const lines = page.waitForRequest((r) => r.url().includes('/v1/safety-lines'));
      await frame.getByRole('button', { name: 'Siguiente' }).click();
      expect(new URL((await lines).url()).searchParams.has('country')).toBe(false);
      const panel = frame.locator('[aria-labelledby="safety-title"]');
      await panel.getByText(es['helplines.otherCountry'], { exact: false }).waitFor({ timeout: 15_000 });
      const text = await panel.textContent();
      expect(text).toContain(es['helplines.callLocal']);
      expect(text).not.toMatch(/911|988|1-800/);
      await page.close();
    });

    it('preselects the country of the page language tag (es-MX → México)', async () => {
      const { page } = await open(`${allowedHost.origin}/es-mx`);
      const frame = page.frameLocator('mend-finder iframe');
      await started(frame, 'es');
      await expect(frame.getByLabel(WIDGET_MESSAGES.es['safety.where']).inputValue()).resolves.toBe('MX');
      await page.close();
    });

    it('a page on an origin the key does not allow cannot frame the widget, and the loader says why', async () => {
      const { page, console } = await open(`${otherHost.origin}/article`);
      await page.waitForEvent('console', {
        predicate: (m) => m.text().startsWith('Mend widget: the frame did not start'),
        timeout: 15_000,
      });
      expect(console.some((m) => m.includes(`the frame did not start on ${otherHost.origin}`) && m.includes('allowedOrigins'))).toBe(true);
      expect(console.some((m) => /Refused to frame/.test(m))).toBe(true); // Chromium's own frame-ancestors report
      await expect(intakeFrame(page).getByRole('button', { name: 'Quick exit' }).count()).resolves.toBe(0);
      await expect(page.locator('.embed mend-finder iframe').isVisible()).resolves.toBe(false);
      await snap(page, 'origin-not-allowed');
      await page.close();
    });

    it('Quick exit replaces the partner page with a neutral site, leaving no way back', async () => {
      const { page } = await open(`${allowedHost.origin}/article`);
      const frame = intakeFrame(page);
      await started(frame);
      await frame
        .getByRole('group', { name: /afraid/ })
        .getByLabel('Yes', { exact: true })
        .check();
      const before = await page.evaluate<number>('history.length');
      await frame.getByRole('button', { name: 'Quick exit' }).click();
      await page.waitForURL(`${EXIT_URL}**`, { timeout: 10_000 });
      await expect(page.title()).resolves.toBe('Weather');
      // location.replace(): the article's entry was replaced, so Back does not lead to it.
      await expect(page.evaluate('history.length')).resolves.toBe(before);
      await page.goBack();
      expect(page.url()).not.toContain(allowedHost.origin);
      await page.close();
    });

    it('Quick exit also works from the keyboard: Esc twice', async () => {
      const { page } = await open(`${allowedHost.origin}/article`);
      const frame = intakeFrame(page);
      await started(frame);
      await frame.getByLabel('Yes', { exact: true }).first().focus();
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.waitForURL(`${EXIT_URL}**`, { timeout: 10_000 });
      await page.close();
    });

    it('passes axe-core (WCAG 2 A and AA) in both modes, with results and the safety panel shown', async () => {
      // Only this test bypasses CSP: it injects axe into the frame, which the frame's CSP rightly refuses.
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${allowedHost.origin}/article`);
      await started(intakeFrame(page));
      await started(searchFrame(page));
      const search = searchFrame(page);
      await search.getByLabel('ZIP or postal code').fill('43215');
      await search.getByRole('button', { name: 'Search', exact: true }).click();
      await search
        .getByRole('status')
        .filter({ hasText: /^Showing/ })
        .waitFor({ timeout: 15_000 });
      const intake = intakeFrame(page);
      await chooseCountry(intake, 'US');
      await intake
        .getByRole('group', { name: /afraid/ })
        .getByLabel('Yes', { exact: true })
        .check();
      await intake.getByRole('button', { name: 'Next' }).click();
      await intake.getByRole('heading', { name: 'You can talk to someone now' }).waitFor();
      for (const mode of ['search', 'intake']) {
        const frame = frameOf(page, mode);
        await frame.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
        const { passes, violations } = await frame.evaluate<{ passes: number; violations: string[] }>(
          "axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] }).then((r) => ({ passes: r.passes.length, violations: r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`) }))",
        );
        expect(passes).toBeGreaterThan(10);
        expect({ mode, violations }).toEqual({ mode, violations: [] });
      }
      await context.close();
    });

    it('fits a 320 px wide screen without sideways scrolling', async () => {
      const { page } = await open(`${allowedHost.origin}/article`, 320);
      const frame = intakeFrame(page);
      await started(frame);
      // Browser code as a string: this file is type-checked without the DOM library.
      const overflow = (f: Page | Frame) =>
        f.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      await expect(overflow(frameOf(page, 'intake'))).resolves.toBeLessThanOrEqual(0);
      await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
      await snap(page, 'narrow-320');
      await answerIntake(frame, 'afraid');
      await expect(overflow(frameOf(page, 'intake'))).resolves.toBeLessThanOrEqual(0);
      await snap(page, 'narrow-320-results', '.embed mend-finder');
      await page.close();
    });

    it('reports a problem with a listing from its card: a reason only, by keyboard, confirmed, and there for curators', async () => {
      const { page, console } = await open(`${allowedHost.origin}/article`);
      const frame = searchFrame(page);
      await started(frame);
      await frame.getByLabel('ZIP or postal code').fill('43215');
      await frame.getByRole('button', { name: 'Search', exact: true }).click();
      await frame
        .getByRole('status')
        .filter({ hasText: /^Showing/ })
        .waitFor({ timeout: 15_000 });
      const cards = frame.getByRole('list', { name: 'Search results' }).locator(':scope > li');
      const card = cards.first();
      // Every card has the control (the search's own results and the domestic-violence line below them).
      expect(await frame.getByRole('button', { name: 'Report a problem with this listing' }).count()).toBe(
        await frame.locator('.card').count(),
      );
      const toggle = card.getByRole('button', { name: 'Report a problem with this listing' });
      await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
      // Keyboard: Enter opens the picker and puts the focus on its first reason; Space chooses it.
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
      const picker = card.getByRole('group', { name: 'What is wrong with this listing?' });
      await picker.waitFor();
      // The API's reportReason labels, and nowhere to type.
      await expect(picker.getByRole('radio').count()).resolves.toBe(8);
      await expect(card.locator('textarea, input[type=text]').count()).resolves.toBe(0);
      await card.getByRole('button', { name: 'Send report' }).click();
      await expect(picker.getByText('Choose what is wrong.').isVisible()).resolves.toBe(true);
      await picker.getByLabel('Phone number does not work').focus();
      await page.keyboard.press('Space');
      const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().includes('/reports'));
      await card.getByRole('button', { name: 'Send report' }).click();
      const request = await sent;
      expect(request.postDataJSON()).toEqual({ reason: 'phone_not_working' }); // no note, ever
      await card
        .getByRole('status')
        .filter({ hasText: 'Thank you. Someone at Mend will check this listing.' })
        .waitFor({ timeout: 15_000 });
      await expect(toggle.count()).resolves.toBe(0);
      // The report is in the curators' list, for the resource on the card.
      const resourceId = /\/v1\/resources\/([^/]+)\/reports/.exec(request.url())?.[1] as string;
      const resource = (await t.http().get(`/v1/resources/${resourceId}`).expect(200)).body;
      await expect(card.getByRole('heading').textContent()).resolves.toBe(resource.name);
      const reports = (await t.http().get(`/v1/curation/reports?resource=${resourceId}`).set('Authorization', partner.auth).expect(200))
        .body.data;
      expect(reports).toHaveLength(1);
      expect(reports[0]).toMatchObject({ reason: 'phone_not_working', status: 'open', note: null });

      // Too many reports from one address: said plainly, the picker stays for later.
      await page.route('**/v1/resources/*/reports', (route) =>
        route.fulfill({
          status: 429,
          headers: { 'retry-after': '3600' },
          contentType: 'application/problem+json',
          body: JSON.stringify({ status: 429, code: 'rate_limited' }),
        }),
      );
      const second = cards.nth(1);
      await second.getByRole('button', { name: 'Report a problem with this listing' }).click();
      await second.getByLabel('Closed', { exact: true }).check();
      await second.getByRole('button', { name: 'Send report' }).click();
      await second
        .getByRole('status')
        .filter({ hasText: 'You have sent several reports in a short time. Please try again later.' })
        .waitFor({ timeout: 15_000 });
      await expect(second.getByRole('button', { name: 'Send report' }).isEnabled()).resolves.toBe(true);
      await snap(page, 'report-a-problem', 'aside mend-finder');
      expect(console.filter((m) => m.startsWith('error') && !m.includes('429'))).toEqual([]);
      await page.close();
    });

    it('says on each card how fresh its details are, and warns when they are stale', async () => {
      const { page } = await open(`${allowedHost.origin}/article`);
      const frame = searchFrame(page);
      await started(frame);
      // The API's answer with its first real listing's details made old (a stale listing may still be listed).
      // (Fetched with the partner's secret key: the frame's own request is same-origin only.)
      await page.route('**/v1/resources?**', async (route) => {
        const query = new URL(route.request().url()).search;
        const { body } = await t.http().get(`/v1/resources${query}`).set('Authorization', partner.auth);
        const real = (body.data ?? []).find((r: { provenance: { demo: boolean } }) => !r.provenance.demo);
        if (real) {
          real.verification = {
            ...real.verification,
            status: 'stale',
            lastVerifiedAt: '2025-03-10T00:00:00.000Z',
            reportedNotWorking: true,
          };
        }
        await route.fulfill({ json: body });
      });
      await frame.getByLabel('Online only (video, phone or chat)').check(); // real online services, not only local demo listings
      await frame.getByRole('button', { name: 'Search', exact: true }).click();
      const stale = frame.locator('.cards .verification-stale');
      await stale.first().waitFor({ timeout: 15_000 });
      await expect(stale.first().textContent()).resolves.toBe(
        'Not checked in a long time: last checked March 2025 Confirm the details with the service before you rely on them.',
      );
      // Reports from the field (verification.reportedNotWorking) are said on the card until a curator reviews them.
      await expect(stale.nth(1).textContent()).resolves.toBe(
        'Several people have reported that this service does not answer or has closed. Mend is checking it.',
      );
      // A demo listing says it is fictional instead; a real one in the results says when it was checked.
      const demo = frame.locator('.card', { hasText: 'Example listing (fictional, not a real service)' });
      if ((await demo.count()) > 0) await expect(demo.first().locator('.verification').count()).resolves.toBe(0);
      await expect(frame.locator('.safety-note .verification').first().textContent()).resolves.toMatch(
        /^(Recently checked|Due for a check): last checked [A-Z][a-z]+ \d{4}$/,
      );
      await page.close();
    });

    it('in Spanish (the page says <html lang="es">): an intake that sends accessibility needs, in Spanish words and none of the widget’s English', async () => {
      const { page } = await open(`${allowedHost.origin}/articulo`);
      const frame = intakeFrame(page);
      await started(frame, 'es');
      await expect(frameOf(page, 'intake').evaluate<string>('document.documentElement.lang')).resolves.toBe('es');
      await chooseCountry(frame, 'US', 'es');
      for (const question of ['golpeado', 'miedo', 'teléfono', 'presionado', 'suicidio']) {
        await frame
          .getByRole('group', { name: new RegExp(question) })
          .getByLabel('No', { exact: true })
          .check();
      }
      const next = frame.getByRole('button', { name: 'Siguiente' });
      await next.click();
      await frame.getByLabel('Una aventura o una infidelidad emocional').check();
      await next.click();
      await frame.getByLabel('Los dos queremos trabajar en esto, en pareja').check();
      await next.click();
      await frame.getByLabel('Código postal (opcional)').fill('43215');
      await next.click();
      await frame.getByLabel('En persona').check(); // the API's Spanish format labels
      await frame.getByLabel('Video').check();
      await next.click();
      await frame.getByRole('heading', { name: 'Lo que necesitan' }).waitFor();
      await frame.getByLabel('Idioma de las sesiones').selectOption('es');
      await expect(frame.getByLabel('Idioma de las sesiones').locator('option:checked').textContent()).resolves.toBe('español');
      await frame.getByLabel('Queremos una atención afirmativa LGBTQ+').check();
      await frame.getByLabel('Lengua de señas americana (ASL)').check();
      await next.click();
      await frame.getByLabel('Hasta $150 por sesión').check();
      const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/v1/intakes'));
      await frame.getByRole('button', { name: 'Ver las opciones' }).click();
      const body = (await sent).postDataJSON();
      expect(body).toMatchObject({
        lang: 'es',
        languages: ['es'],
        preferences: { audiences: ['lgbtq_affirming'], accessibility: ['asl'] },
        formats: ['in_person', 'video'],
        budgetPerSession: 150,
      });
      await frame.getByRole('heading', { name: 'Sus opciones' }).waitFor({ timeout: 15_000 });

      // The API's own Spanish, shown as given: the recommendation and the first match's reasons.
      const api = (await t.http().post('/v1/intakes').set('Authorization', partner.auth).send(body).expect(201)).body;
      await frame.getByRole('heading', { name: api.recommendation.title }).waitFor();
      const results = frame.locator('.results');
      for (const reason of api.matches[0].reasons) await expect(results.getByText(reason.text).count()).resolves.toBeGreaterThan(0);
      await expect(frame.getByText('Por qué encaja').first().isVisible()).resolves.toBe(true);

      // None of the widget's English: every English fragment of its catalogue that is not also Spanish,
      // in the frame's text without what providers wrote (names, descriptions: data, not Mend's words).
      const text = await frameOf(page, 'intake').evaluate<string>(
        "(() => { const c = document.body.cloneNode(true); c.querySelectorAll('.card-title, .description').forEach((e) => e.remove()); return c.textContent; })()",
      );
      const spanish = Object.values(WIDGET_MESSAGES.es).join('\n');
      const fragments = Object.values(WIDGET_MESSAGES.en).flatMap((pattern) =>
        pattern
          .replace(/\{\w+, plural,/g, '{')
          .replace(/(one|other|=\d+) \{/g, '{')
          .split(/\{[^{}]*\}|[{}#]/)
          .map((f) => f.trim())
          .filter((f) => f.length >= 6 && /[a-z]/i.test(f) && !spanish.includes(f)),
      );
      expect(fragments.length).toBeGreaterThan(100);
      expect(fragments.filter((f) => text.includes(f))).toEqual([]);
      await snap(page, 'intake-es', '.embed mend-finder');
      await page.close();
    });

    it('in Spanish: a strangulation answer brings the urgent guidance in Spanish, and English listing texts carry lang="en"', async () => {
      const { page } = await open(`${allowedHost.origin}/articulo`);
      const frame = intakeFrame(page);
      await started(frame, 'es');
      const es = WIDGET_MESSAGES.es;
      await chooseCountry(frame, 'US', 'es');
      // Asked apart, in plain words: the strangulation and weapon questions, in Spanish.
      await frame.getByRole('group', { name: es['safety.q.strangulation'] }).getByLabel('Sí', { exact: true }).check();
      await frame.getByRole('group', { name: es['safety.q.weaponOrThreatsToKill'] }).getByLabel('No', { exact: true }).check();
      const next = frame.getByRole('button', { name: 'Siguiente' });
      await next.click();
      // Domestic-violence lines at once, with Quick exit still there.
      await frame.getByRole('heading', { name: es['helplines.title'] }).waitFor();
      await frame.locator('.safety .card-hotline').first().waitFor({ timeout: 15_000 });
      await expect(frame.getByRole('button', { name: es['frame.exit'] }).isVisible()).resolves.toBe(true);
      await frame.getByLabel('Una aventura o una infidelidad emocional').check();
      await next.click();
      await frame.getByLabel('Los dos queremos trabajar en esto, en pareja').check();
      await next.click();
      await frame.getByLabel('Código postal (opcional)').fill('43215');
      await next.click();
      await next.click();
      await next.click();
      const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/v1/intakes'));
      await frame.getByRole('button', { name: 'Ver las opciones' }).click();
      const body = (await sent).postDataJSON();
      expect(body).toMatchObject({ lang: 'es', safety: { strangulation: true, weaponOrThreatsToKill: false } });
      await frame.getByRole('heading', { name: 'Sus opciones' }).waitFor({ timeout: 15_000 });

      // The API's urgent guidance, in its Spanish, leads the results (medical care, danger assessment).
      const api = (await t.http().post('/v1/intakes').set('Authorization', partner.auth).send(body).expect(201)).body;
      expect(api.safety.level).toBe('urgent');
      expect(api.safety.guidance).toContain('atención médica');
      const section = frame.locator('.results .safety');
      await expect(section.getByText(api.safety.guidance, { exact: true }).isVisible()).resolves.toBe(true);
      await expect(frame.getByRole('button', { name: es['frame.exit'] }).isVisible()).resolves.toBe(true);

      // Every English description (descriptionLang "en") in the Spanish frame says so; Spanish ones do not.
      const resources = [...api.safety.resources, ...api.matches.map((m: { resource: unknown }) => m.resource)] as {
        description: string;
        descriptionLang: string;
      }[];
      expect(resources.some((r) => r.descriptionLang === 'en')).toBe(true);
      const shown = await frame
        .locator('.results .description')
        .evaluateAll((els) => els.map((e) => ({ text: e.textContent, lang: e.getAttribute('lang') })));
      expect(shown.length).toBe(resources.length);
      for (const r of resources) {
        const match = shown.find((d) => d.text === r.description);
        expect({ description: r.description, lang: match?.lang }).toEqual({
          description: r.description,
          lang: r.descriptionLang === 'es' ? null : r.descriptionLang,
        });
      }
      await snap(page, 'intake-es-strangulation', '.embed mend-finder');
      await page.close();
    });

    it('data-lang on the embed wins over the page language (es-MX → es)', async () => {
      const { page } = await open(`${allowedHost.origin}/data-lang`);
      const frame = page.frameLocator('mend-finder iframe');
      await started(frame, 'es');
      await expect(frame.getByRole('heading', { name: 'Encuentre terapia de pareja cerca de usted' }).isVisible()).resolves.toBe(true);
      await expect(page.locator('mend-finder iframe').getAttribute('title')).resolves.toBe('Buscar terapia de pareja');
      await page.close();
    });

    for (const lang of ['en', 'es'] as const) {
      it(`at 320 px in ${lang}: axe finds no serious or critical violation with results, a report picker and helplines shown; nothing scrolls sideways`, async () => {
        const m = WIDGET_MESSAGES[lang];
        // Only this test bypasses CSP: it injects axe into the frames, which their CSP rightly refuses.
        const context = await browser.newContext({ bypassCSP: true, viewport: { width: 320, height: 900 } });
        const page = await context.newPage();
        await page.goto(`${allowedHost.origin}/${lang === 'es' ? 'articulo' : 'article'}`);
        const search = searchFrame(page);
        const intake = intakeFrame(page);
        await started(search, lang);
        await started(intake, lang);
        await search.getByLabel(m['search.postal'], { exact: true }).fill('43215');
        await search.getByRole('button', { name: m['search.submit'], exact: true }).click();
        await search.locator('.cards .card').first().waitFor({ timeout: 15_000 });
        await search.getByRole('button', { name: m['report.open'] }).first().click();
        await search.getByRole('group', { name: m['report.legend'] }).waitFor();
        await intake
          .getByRole('group', { name: new RegExp(lang === 'es' ? 'miedo' : 'afraid') })
          .getByLabel(m['common.yes'], { exact: true })
          .check();
        await intake.getByRole('group', { name: m['safety.q.strangulation'] }).getByLabel(m['common.yes'], { exact: true }).check();
        await chooseCountry(intake, 'US', lang);
        await intake.getByRole('button', { name: m['intake.next'] }).click();
        await intake.getByRole('heading', { name: m['helplines.title'] }).waitFor();
        await intake.locator('.safety .card').first().waitFor({ timeout: 15_000 });
        const overflow = (f: Page | Frame) =>
          f.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
        await expect(overflow(page)).resolves.toBeLessThanOrEqual(0);
        for (const mode of ['search', 'intake']) {
          const frame = frameOf(page, mode);
          await expect(overflow(frame)).resolves.toBeLessThanOrEqual(0);
          await frame.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
          const { passes, violations } = await frame.evaluate<{ passes: number; violations: string[] }>(
            "axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] }).then((r) => ({ passes: r.passes.length, violations: r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`) }))",
          );
          expect(passes).toBeGreaterThan(10);
          expect({ lang, mode, violations }).toEqual({ lang, mode, violations: [] });
        }
        await snap(page, `narrow-320-${lang}`);
        await context.close();
      });
    }

    it('Swagger UI at /docs renders, and "Try it out" on GET /v1/resources returns 200', async () => {
      const { page, console } = await open(`${mend}/docs`);
      const operation = page.locator('#operations-directory-searchResources');
      await operation.waitFor({ timeout: 15_000 });
      await operation.locator('.opblock-summary').first().click();
      await operation.getByRole('button', { name: 'Try it out' }).click();
      // Try it out pre-fills every parameter's example, and together they conflict (near and
      // postalCode: 400). Clear them all, as a developer would, and search one postal code.
      for (const row of await operation.locator('tr[data-param-name]').all()) {
        while (await row.locator('.json-schema-form-item-remove').count())
          await row.locator('.json-schema-form-item-remove').first().click();
        for (const input of await row.locator('input[type=text]').all()) await input.fill('');
        for (const select of await row.locator('select').all()) {
          if ((await select.getAttribute('multiple')) !== null) await select.selectOption([]);
          else await select.selectOption({ index: 0 });
        }
      }
      await operation.locator('tr[data-param-name="postalCode"] input').fill('43215');
      await operation.getByRole('button', { name: 'Execute' }).click();
      const status = operation.locator('.live-responses-table .response .response-col_status').first();
      await status.waitFor({ timeout: 15_000 });
      await expect(status.textContent()).resolves.toMatch(/^\s*200/);
      await expect(operation.locator('.live-responses-table .response .response-col_description').first().textContent()).resolves.toContain(
        '"data"',
      );
      await operation.locator('.live-responses-table').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${ARTIFACTS}/swagger-try-it-out.png` });
      expect(console.filter((m) => m.startsWith('error') && !m.includes('favicon'))).toEqual([]);
      await page.close();
    });
  });
});
