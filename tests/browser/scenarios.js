// scenarios.js - what a user does in the browser, scenario by scenario, against a running
// server (tests/browser/run.sh starts it and passes its address and accounts in the
// environment). Each scenario has a fresh browser context (no cookies), fails on its first
// wrong expectation, on a script error or a Content-Security-Policy violation in the page,
// and on any answer of 500 or more; a full-page screenshot of every page visited is saved.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const URL = process.env.CADRE_URL;
const SHOTS = process.env.SCREENSHOTS;
const ACCOUNTS = {
	admin: process.env.ADMIN_PASSWORD,
	'clerk.hg': process.env.CLERK_PASSWORD,
};
const scenarios = [];
let shotNo = 0;

function scenario(name, fn) {
	scenarios.push({ name, fn });
}

// The helpers a scenario is given: its page, screenshots, signing in, submitting a form.
function helpers(page, slug, problems) {
	const t = {
		page,
		// Save a full-page screenshot of the page as it is now.
		async shot(label) {
			shotNo++;
			const file = `${String(shotNo).padStart(2, '0')}-${slug}-${label}.png`;
			await page.screenshot({ path: path.join(SHOTS, file), fullPage: true });
		},
		// Go to a path of the server and wait for the page to load.
		async visit(p) {
			const resp = await page.goto(URL + p);
			return resp;
		},
		// Click what submits a form (or follows a link) and wait for the next page.
		async submit(locator) {
			const loaded = page.waitForEvent('load');
			await locator.click();
			await loaded;
		},
		async signIn(name) {
			await t.visit('/login');
			await page.fill('#f-name', name);
			await page.fill('#f-password', ACCOUNTS[name]);
			await t.submit(page.locator('form.login button'));
			assert.ok(!new globalThis.URL(page.url()).pathname.startsWith('/login'),
				`signed in as ${name}, but still on ${page.url()}`);
		},
		text: async (sel) => ((await page.locator(sel).first().textContent()) || '').trim(),
		lang: () => page.getAttribute('html', 'lang'),
		path: () => new globalThis.URL(page.url()).pathname,
		problems,
	};
	return t;
}

// ---- sign-in --------------------------------------------------------------------------

scenario('sign-in: a wrong password is refused, the right one lets in, sign-out ends it', async (t) => {
	const p = t.page;
	await t.visit('/login');
	assert.equal(await t.lang(), 'vi', 'the default language is Vietnamese');
	assert.equal(await t.text('form.login button'), 'Đăng nhập');
	await t.shot('form');

	await p.fill('#f-name', 'admin');
	await p.fill('#f-password', 'not-the-password');
	await t.submit(p.locator('form.login button'));
	assert.equal(t.path(), '/login', 'a wrong password stays on the sign-in page');
	assert.match(await t.text('.errors[role=alert]'), /Tên tài khoản hoặc mật khẩu không đúng/);
	assert.equal(await p.inputValue('#f-name'), 'admin', 'the account name is kept');
	assert.equal(await p.inputValue('#f-password'), '', 'the password is not sent back');
	assert.equal(await p.locator('form.out').count(), 0, 'not signed in');
	await t.shot('wrong-password');

	await p.fill('#f-password', ACCOUNTS.admin);
	await t.submit(p.locator('form.login button'));
	assert.notEqual(t.path(), '/login', 'the right password leaves the sign-in page');
	assert.equal(await t.text('header .who'), 'admin');
	assert.equal(await p.locator('form.out').count(), 1, 'a sign-out button once signed in');
	await t.shot('signed-in');

	await t.submit(p.locator('form.out button'));
	assert.equal(t.path(), '/login', 'signing out goes back to the sign-in page');
	await t.visit('/');
	assert.equal(t.path(), '/login', 'after signing out, a page asks to sign in again');
	assert.equal(new globalThis.URL(p.url()).searchParams.get('next'), '/');
	await t.shot('signed-out');
});

// ---- the language switch --------------------------------------------------------------

scenario('language: switched from Vietnamese to English and back, kept across pages', async (t) => {
	const p = t.page;
	await t.visit('/login');
	assert.equal(await t.lang(), 'vi');
	await t.submit(p.locator('form.lang button'));
	assert.equal(t.path(), '/login', 'the switch comes back to the same page');
	assert.equal(await t.lang(), 'en');
	assert.equal(await t.text('form.login button'), 'Sign in');
	await t.shot('login-en');

	await t.signIn('clerk.hg');
	assert.equal(await t.lang(), 'en', 'the language chosen before signing in is kept');
	assert.equal(await t.text('header nav a[href="/tree"]'), 'Tree');
	assert.equal(await t.text('form.out button'), 'Sign out');
	const where = t.path();
	await t.shot('signed-in-en');

	await t.submit(p.locator('form.lang button'));
	assert.equal(t.path(), where, 'the switch comes back to the same page');
	assert.equal(await t.lang(), 'vi');
	assert.equal(await t.text('header nav a[href="/tree"]'), 'Cây tổ chức');
	assert.equal(await t.text('form.out button'), 'Đăng xuất');
	await t.shot('signed-in-vi');

	await t.visit('/tree');
	assert.equal(await t.lang(), 'vi', 'the choice holds on the next page');
	await t.submit(p.locator('form.lang button'));
	assert.equal(await t.lang(), 'en');
	assert.equal(await t.text('form.out button'), 'Sign out');
	await t.shot('tree-en');
});

// ---- running them ---------------------------------------------------------------------

async function main() {
	const started = Date.now();
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
			'--disable-component-update'],
	});
	let passed = 0;
	let failed = 0;
	const only = process.env.ONLY;

	for (const s of scenarios) {
		if (only && !s.name.includes(only))
			continue;
		const slug = s.name.split(':')[0].replace(/[^a-z0-9]+/gi, '-').toLowerCase();
		const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } });
		const page = await context.newPage();
		const problems = [];
		page.setDefaultTimeout(10000);
		page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
		page.on('console', (m) => {
			if (m.type() === 'error' && /Content Security Policy/i.test(m.text()))
				problems.push(`CSP: ${m.text()}`);
		});
		page.on('response', (r) => {
			if (r.status() >= 500)
				problems.push(`${r.status()} from ${r.request().method()} ${r.url()}`);
		});
		const t0 = Date.now();
		try {
			await s.fn(helpers(page, slug, problems));
			assert.deepEqual(problems, [], 'problems seen in the page');
			passed++;
			console.log(`ok   ${s.name} (${Date.now() - t0} ms)`);
		} catch (e) {
			failed++;
			console.log(`FAIL ${s.name}\n     at ${page.url()}\n     ${String(e.message).replace(/\n/g, '\n     ')}`);
			try {
				await page.screenshot({ path: path.join(SHOTS, `FAIL-${slug}.png`), fullPage: true });
			} catch (_) { /* the page may be gone */ }
		}
		await context.close();
	}
	await browser.close();
	console.log(`browser tests took ${((Date.now() - started) / 1000).toFixed(1)} s`);
	fs.writeFileSync(process.env.RESULT, `${passed} ${failed}\n`);
	return failed;
}

main().then((failed) => process.exit(failed ? 1 : 0), (e) => {
	console.log(`FAIL the browser could not be driven: ${e.stack}`);
	process.exit(1);
});
