// The timeline page in a real browser (Debian's Chromium, headless) against the started service: what an auditor
// does with it, and what it must never do (put the token in a URL, write it or a person's data to the console).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { startService } from './service.mjs';

const CHROMIUM = process.env.LEADS_CHROMIUM || '/usr/bin/chromium';
// set to a folder to write the screenshots the README shows
const SCREENSHOTS = process.env.LEADS_SCREENSHOTS;
const WAIT_MILLIS = 15_000;

let service;
let browser;
let page;
let token;
const consoleLines = [];
const pageErrors = [];
const requestedUrls = [];

async function eventually(what, check) {
    const deadline = Date.now() + WAIT_MILLIS;
    let last;
    for (;;) {
        try {
            return await check();
        } catch (notYet) {
            last = notYet;
        }
        if (Date.now() > deadline) {
            throw new Error(`${what}: ${last && last.message}`);
        }
        await new Promise(done => setTimeout(done, 100));
    }
}

async function signIn(password = 'dev-password') {
    await page.getByLabel('User name').fill('MPAdministrator');
    await page.getByLabel('Password').fill(password);
    await page.getByLabel('Organisation').fill('CRM');
    await page.getByRole('button', { name: 'Sign in' }).click();
}

async function openLead(number) {
    await page.getByLabel('Number, contact name or e-mail').fill(number);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('button', { name: new RegExp(`^Lead ${number}:`) }).click();
    await page.getByRole('heading', { name: `Lead ${number}` }).waitFor();
}

/** The text of every card, newest first as the page shows them by default. */
function cards() {
    return page.locator('#cards > li.card').allInnerTexts();
}

async function screenshot(name) {
    if (SCREENSHOTS) {
        mkdirSync(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
    }
}

before(async () => {
    service = await startService();
    token = await service.api.token();
    browser = await chromium.launch({
        executablePath: CHROMIUM,
        // the flags keep Chromium from calling home, which this machine's closed network refuses
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.setDefaultTimeout(WAIT_MILLIS);
    page.on('console', message => consoleLines.push(message.text()));
    page.on('pageerror', error => pageErrors.push(error.message));
    page.on('request', request => requestedUrls.push(request.url()));
    await page.goto(service.base);
});

after(async () => {
    await browser?.close();
    await service?.stop();
});

describe('the timeline page', () => {
    test('a wrong password is refused with the service\'s own words, and nobody is signed in', async () => {
        const refusal = await service.api.call('/authentication/token',
            { username: 'MPAdministrator', password: 'not the password', organisation: 'CRM' });
        assert.equal(refusal.status.code, 'INVALID_CREDENTIALS');

        await signIn('not the password');

        await eventually('the refusal is shown', async () =>
            assert.equal(await page.getByRole('alert').innerText(), refusal.status.message));
        assert.equal(await page.getByLabel('Password').inputValue(), '', 'the wrong password is not kept');
        assert.equal(await page.evaluate(() => sessionStorage.length), 0);
        assert.ok(await page.getByRole('heading', { name: 'Sign in' }).isVisible());
    });

    test('signs in with the keyboard alone and keeps the token in the tab\'s session storage', async () => {
        await page.reload();
        await page.getByLabel('User name').focus();
        await page.keyboard.type('MPAdministrator');
        await page.keyboard.press('Tab');
        await page.keyboard.type('dev-password');
        await page.keyboard.press('Tab');
        await page.keyboard.type('CRM');
        await page.keyboard.press('Enter');

        await page.getByText('Signed in as').waitFor();
        const kept = await page.evaluate(() => JSON.parse(sessionStorage.getItem('leads.session')));
        assert.match(kept.token, /\S{16,}/);
        assert.equal(await page.evaluate(() => document.cookie), '', 'no cookie carries it');
    });

    test('lead 69 after the CRM.COM page\'s Example 1: the move to Won and the competitors drawn', async () => {
        await service.api.replayExample1(token);

        await openLead('69');

        const newest = page.locator('#cards > li.card').first();
        const status = newest.locator('.change.status');
        assert.match(await status.innerText(), /status .* → Won \(WON\)/);
        assert.ok(await status.locator('.status.state-won').count() === 1, 'Won in the colour of its classification');
        assert.match(await newest.locator('.change.added').innerText(), /competitors Competitor 2 added/);
        assert.match(await newest.locator('.change.removed').innerText(), /competitors Competitor 1 removed/);
        // the status durations are counted a moment after the call: the band shows the Won stay once they are
        await eventually('the band has the Won stay', async () => {
            assert.match(await page.locator('#band-legend').innerText(), /Won \(WON\)/);
            assert.equal(await page.locator('#band .segment.state-won').count(), 1);
        });
        await screenshot('timeline-lead-69');
    });

    test('a change made through the API appears on the open page without a reload', async () => {
        await openLead('127');
        await page.evaluate(() => { window.notReloaded = true; });
        const before = (await cards()).length;

        await service.api.update(token, '127', { description: 'Called back from the browser test' });

        const newest = page.locator('#cards > li.card').first();
        await eventually('the new change arrives', async () => {
            assert.match(await newest.innerText(), /description .* → Called back from the browser test/);
            assert.match(await newest.getAttribute('class'), /\bnew\b/);
        });
        assert.equal((await cards()).length, before + 1);
        assert.equal(await page.evaluate(() => window.notReloaded), true);
        assert.match(await page.locator('#live').innerText(), /New change by/);
    });

    test('filters the changes by field and by user', async () => {
        await service.api.update(token, '127', { priority: 2 });
        await eventually('the priority change arrives', async () =>
            assert.match((await cards())[0], /priority 1 → 2/));

        await page.getByLabel('Field', { exact: true }).fill('description');
        await page.getByRole('button', { name: 'Filter' }).click();
        await eventually('only description changes are left', async () => {
            const shown = await page.locator('#cards .change .field').allInnerTexts();
            assert.ok(shown.length > 0);
            assert.deepEqual([...new Set(shown)], ['description']);
        });

        await page.getByLabel('Field', { exact: true }).fill('');
        await page.getByLabel('User', { exact: true }).fill('nobody-of-this-catalogue');
        await page.getByRole('button', { name: 'Filter' }).click();
        await page.getByText('No change matches.').waitFor();

        await page.getByLabel('User', { exact: true }).fill('MPAdministrator');
        await page.getByRole('button', { name: 'Filter' }).click();
        await eventually('the administrator\'s changes are back', async () =>
            assert.match((await cards())[0], /priority 1 → 2/));
        await page.getByRole('button', { name: 'Clear' }).click();
    });

    test('travels back to the lead as it stood before a change, its differences from today marked', async () => {
        const story = await service.api.get('/leads/history', token,
            { lead_identifier: 'number=127', field: 'description' });
        const lastDescription = story.data[story.data.length - 1].sequence_number;
        const before = lastDescription - 1;
        const then = await service.api.get('/leads/show', token,
            { lead_identifier: 'number=127', as_of_version: String(before) });

        const slider = page.getByLabel(/After event/);
        await slider.focus();
        const today = Number(await slider.getAttribute('max'));
        for (let version = today; version > before; version--) {
            await page.keyboard.press('ArrowLeft');
        }

        await eventually('the table shows the version asked for', async () =>
            assert.equal(await page.locator('#then-heading').innerText(), `After event ${before}`));
        const description = page.locator('#travel-table tr', { hasText: /^description/ });
        assert.match(await description.getAttribute('class'), /differs/);
        const [, thenText, todayText] = await description.locator('th, td').allInnerTexts();
        assert.equal(thenText, then.data.description ?? '(none)');
        assert.equal(todayText, 'Called back from the browser test');
        await page.getByLabel('Only the fields that differ').check();
        const differing = await page.locator('#travel-table tr.differs').count();
        assert.ok(differing >= 1);
        assert.equal(await page.locator('#travel-table tbody tr:visible').count(), differing);
        await screenshot('timeline-time-travel');
        await page.getByLabel('Only the fields that differ').uncheck();

        await page.locator('#cards > li.card').first().getByRole('button', { name: /See the lead after event/ })
            .click();
        await eventually('a card\'s button travels to after its call', async () =>
            assert.equal(await page.locator('#then-heading').innerText(), `After event ${today}`));
        assert.match(await page.locator('#travel-summary').innerText(), /as it stands today/);
    });

    test('pages through a long history instead of loading it whole', async () => {
        const created = await service.api.ok('/leads/create', {
            token, importance: 'IMPORTANCE2', priority: 3, contact_information_identifier: { name: 'Kokos Panagi' },
            type_identifier: { name: 'New Customer' }, status_identifier: { name: 'New' }, fields_set: 'number',
        });
        for (let call = 1; call <= 60; call++) {
            await service.api.update(token, created.number, { udf_string_1: `call ${call}` });
        }
        const asked = [];
        const listen = request => request.url().includes('/leads/history') && asked.push(new URL(request.url()));
        page.on('request', listen);

        await openLead(created.number);

        const entries = () => page.locator('#cards .change').count();
        assert.equal(await entries(), 50);
        assert.ok(asked.every(url => url.searchParams.get('records_per_page') === '50'));
        assert.match((await cards())[0], /udf string 1 call 59 → call 60/);
        await page.getByRole('button', { name: 'Show earlier changes' }).click();
        await eventually('the earlier page is added', async () => assert.ok(await entries() > 50));
        assert.ok(await page.getByRole('button', { name: 'Show earlier changes' }).isHidden());
        page.off('request', listen);
    });

    test('reads at 360 pixels wide without scrolling sideways', async () => {
        await page.setViewportSize({ width: 360, height: 740 });
        await openLead('69');
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        const beyond = await page.evaluate(() => [...document.querySelectorAll('body *')]
            .filter(element => element.getBoundingClientRect().right > 360)
            .map(element => `${element.tagName}#${element.id}.${element.className}`).slice(0, 5));
        assert.ok(wide <= 360, `the page is ${wide} px wide: ${beyond}`);
        await screenshot('timeline-360px');
        await page.setViewportSize({ width: 1100, height: 900 });
    });

    test('signs out: the token is released and forgotten', async () => {
        const kept = await page.evaluate(() => JSON.parse(sessionStorage.getItem('leads.session')).token);

        await page.getByRole('button', { name: 'Sign out' }).click();

        await page.getByText('You are signed out.').waitFor();
        assert.equal(await page.evaluate(() => sessionStorage.length), 0);
        const refused = await service.api.get('/leads/show', kept, { lead_identifier: 'number=69' });
        assert.equal(refused.status.code, 'INVALID_TOKEN');
        assert.ok(await page.getByRole('heading', { name: 'Sign in' }).isVisible());
    });

    test('never put a token in a URL, nor a token or a person\'s data on the console, and never failed', async () => {
        const tokens = [token];
        assert.ok(requestedUrls.length > 20, 'the page made its calls');
        for (const url of requestedUrls) {
            assert.ok(!/[?&]token=/.test(url), `a token in ${url}`);
        }
        for (const line of consoleLines) {
            assert.ok(!/Kokos|kokos@|dev-password|[0-9A-F]{32}/.test(line) && tokens.every(t => !line.includes(t)),
                `on the console: ${line}`);
        }
        assert.deepEqual(pageErrors, []);
    });
});
