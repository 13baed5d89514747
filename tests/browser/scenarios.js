// scenarios.js - what a user does in the browser, scenario by scenario, against a running
// server (tests/browser/run.sh starts it and passes its address and accounts in the
// environment). Each scenario has a fresh browser context (no cookies), fails on its first
// wrong expectation, on a script error or a Content-Security-Policy violation in the page,
// on any answer of 500 or more and on a page over 100 KB; a full-page screenshot of every
// page visited is saved.
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
	'secretary.hgdv': process.env.SECRETARY_PASSWORD,
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
		// The same, saved under a name of the scenario's own (NAME.png).
		async shotAs(name) {
			await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
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
	await t.visit('/tree');
	assert.equal(t.path(), '/login', 'after signing out, a page asks to sign in again');
	assert.equal(new globalThis.URL(p.url()).searchParams.get('next'), '/tree');
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

// ---- the tree ----------------------------------------------------------------------------

scenario('tree: a branch collapsed and expanded, a deeper level opened, then an organisation', async (t) => {
	const p = t.page;
	await t.signIn('admin');
	await t.visit('/tree');
	// Two levels below the top, open; deeper levels are each a tree page of their own.
	const nodes = p.locator('#tree details');
	assert.ok(await nodes.count() >= 2, 'the tree shows its top levels as <details>');
	const at = (await nodes.count()) - 1;
	const branch = nodes.nth(at);
	assert.equal(await branch.evaluate((d) => d.open), true, 'the two levels are open at first');
	const summary = branch.locator(':scope > summary');
	// The organisation's line sits beside its toggle, outside it (no link inside a control).
	const line = branch.locator('xpath=..').locator(':scope > div.line');
	const link = line.locator('a[href^="/orgs/"]').first();
	const href = await link.getAttribute('href');
	assert.match(await line.locator('.count').first().textContent(), /\d/, 'a node shows its member counts');
	assert.equal(await summary.locator('a').count(), 0, 'the toggle holds no link');
	await t.shot('tree');
	await summary.click();
	assert.equal(await branch.evaluate((d) => d.open), false, 'the branch closes');
	assert.equal(await branch.locator(':scope > div.branch, :scope > div.leaf').first().isVisible(), false,
		'its children are hidden');
	await t.shot('collapsed');
	await summary.click();
	assert.equal(await branch.evaluate((d) => d.open), true, 'the branch opens again');
	assert.ok(await branch.locator(':scope > div.branch, :scope > div.leaf').first().isVisible(),
		'its children show');
	await t.shot('expanded');
	// A node at the cut links to the tree below it.
	const deeper = p.locator('#tree a.deeper').first();
	const dhref = await deeper.getAttribute('href');
	await t.submit(deeper);
	const u = new globalThis.URL(p.url());
	assert.equal(u.pathname + u.search, dhref, 'the deeper level is a tree page of its own');
	assert.ok(await p.locator('#tree div.line a[href^="/orgs/"]').count() >= 1, 'it shows that organisation and below');
	await t.visit('/tree');
	await t.submit(link);
	assert.equal(t.path(), href, 'the link of a node opens its organisation');
	assert.equal(await p.locator(`a[href="${href}/members/new"]`).count(), 1,
		'the organisation page links to the form that adds a member');
	await t.shot('org');
});

// ---- search -----------------------------------------------------------------------------

scenario('search: "nguyen van" typed without accents finds Nguyễn Văn ...', async (t) => {
	const p = t.page;
	await t.signIn('admin');
	await p.fill('header #q', 'nguyen van');
	const loaded = p.waitForEvent('load');
	await p.press('header #q', 'Enter');
	await loaded;
	assert.equal(t.path(), '/search');
	const names = await p.locator('table.members tbody tr td:first-child a').allTextContents();
	assert.ok(names.length > 0, 'some members are found');
	for (const n of names)
		assert.match(n.normalize('NFC'), /Nguyễn Văn/, `${n} matches "nguyen van" with its accents`);
	await t.shot('results');
	const first = names[0];
	await t.submit(p.locator('table.members tbody tr td:first-child a').first());
	assert.match(t.path(), /^\/members\/\d+$/, 'a result opens the member record');
	assert.match(await t.text('h1'), new RegExp(first));
	await t.shot('member');
});

// ---- adding a member ---------------------------------------------------------------------

scenario('add member: two mistakes shown beside their fields, values kept, then corrected', async (t) => {
	const p = t.page;
	await t.signIn('clerk.hg');
	await t.visit('/orgs/HG-DV-CQ');
	await t.submit(p.locator('a[href="/orgs/HG-DV-CQ/members/new"]'));
	assert.equal(t.path(), '/orgs/HG-DV-CQ/members/new');
	await t.shot('form');
	await p.fill('#f-full_name', 'Lò Văn Thử');
	await p.selectOption('#f-sex', 'male');
	await p.fill('#f-birth_date', '1995-04-02');
	await p.fill('#f-ethnicity', 'Thái');
	await p.fill('#f-hometown', 'Mường Tè, Lai Châu');
	await p.fill('#f-phone', '09x12');                          // not a phone number
	await p.fill('#f-admission_decision_date', '2026-03-02');
	await p.fill('#f-admission_ceremony_date', '2026-02-20');   // before the decision
	await p.selectOption('#f-status', 'probationary');
	await t.submit(p.locator('#member-form #submit'));
	assert.ok(await p.locator('span.err#e-phone').isVisible(), 'the phone error is beside the phone');
	assert.ok(await p.locator('span.err#e-admission_ceremony_date').isVisible(),
		'the date error is beside the ceremony date');
	assert.match(await t.text('span.err#e-admission_ceremony_date'), /R-MEMBER-DATES/);
	assert.equal(await p.getAttribute('#f-phone', 'aria-invalid'), 'true');
	assert.equal(await p.inputValue('#f-full_name'), 'Lò Văn Thử', 'the name typed is kept');
	assert.equal(await p.inputValue('#f-ethnicity'), 'Thái');
	assert.equal(await p.inputValue('#f-hometown'), 'Mường Tè, Lai Châu');
	assert.equal(await p.inputValue('#f-phone'), '09x12', 'the wrong value is kept to be corrected');
	assert.equal(await p.inputValue('#f-sex'), 'male');
	assert.equal(await p.inputValue('#f-admission_decision_date'), '2026-03-02');
	await t.shot('errors');

	await p.fill('#f-phone', '0912345670');
	await p.fill('#f-admission_ceremony_date', '2026-03-16');
	await t.submit(p.locator('#member-form #submit'));
	assert.match(t.path(), /^\/members\/\d+$/, 'the corrected form adds the member and opens the record');
	assert.match(await t.text('h1'), /Lò Văn Thử/);
	await t.shot('added');
});

// ---- a transfer ----------------------------------------------------------------------------

scenario('transfer: sent from the member record, received from the list of open transfers', async (t) => {
	const p = t.page;
	await t.signIn('admin');
	await t.visit('/orgs/HG-BM-02');
	const member = p.locator('table.members tbody tr td:first-child a').first();
	const name = (await member.textContent()).trim();
	await t.submit(member);
	const record = t.path();
	assert.match(record, /^\/members\/\d+$/);
	const id = record.split('/')[2];
	await t.shot('member');
	await t.submit(p.locator(`a[href="/members/${id}/transfer"]`));
	await p.fill('#f-to', 'HG-BM-03');
	await p.selectOption('#f-kind', 'official');
	await t.shot('form');
	await t.submit(p.locator('#transfer-form #submit'));
	assert.equal(await p.locator('span.err').count(), 0, 'the transfer is accepted');
	await t.shot('sent');

	await t.visit('/transfers');
	const row = p.locator('#transfers tbody tr', { hasText: name }).first();
	assert.ok(await row.isVisible(), `${name} is listed among the open transfers`);
	await t.shot('open-transfers');
	const receive = row.locator('form[action$="/receive"]');
	assert.match(await receive.getAttribute('action'), /^\/transfers\/\d+\/receive$/);
	await t.submit(receive.locator('button'));
	assert.match(t.path(), /^\/transfers\/\d+\/receive$/, 'a confirmation page comes first');
	await t.shot('receive-confirm');
	await t.submit(p.locator('#receive-form #submit'));
	assert.equal(await p.locator('span.err, .errors').count(), 0, 'the receipt is accepted');
	assert.ok(await p.locator('#flash').isVisible(), 'the arrival is confirmed on the page');
	await t.shot('received');

	await t.visit('/transfers');
	assert.equal(await p.locator('#transfers tbody tr', { hasText: name }).count(), 0,
		'the received transfer is no longer open');
	await t.visit(record);
	assert.ok(await p.locator('main a[href="/orgs/HG-BM-03"]').count() > 0,
		'the record shows the receiving organisation');
	await t.shot('member-after');
});

// ---- import --------------------------------------------------------------------------------

const IMPORT_HEADER = 'org_code,full_name,sex,birth_date,ethnicity,religion,hometown,citizen_id,' +
	'education,theory_level,rank,category,post,history_no,card_no,phone,admission_decision_date,' +
	'admission_ceremony_date,official_date,status';
const IMPORT_CSV = [
	IMPORT_HEADER,
	'HG-DV-CQ,Sùng Mí Thử,male,1991-06-04,H\'Mông,,"Đồng Văn, Hà Giang",,12/12,,,militia,,,,,2015-03-02,2015-03-12,2016-03-12,official',
	'HG-DV-CQ,Lầu Thị Nhập,female,1999-02-30,H\'Mông,,"Đồng Văn, Hà Giang",,12/12,,,militia,,,,,2020-03-02,2020-03-12,2021-03-12,official',
	'HG-DV-CQ,Vừ Thị Kiểm,female,1993-01-15,H\'Mông,,"Mèo Vạc, Hà Giang",,12/12,,,militia,,,,,2016-05-02,2016-05-12,2017-05-12,official',
	'HG-DV-CQ,Mua Văn Sai,x,1990-01-15,H\'Mông,,"Mèo Vạc, Hà Giang",,12/12,,,militia,,,,,2016-05-02,2016-05-12,2017-05-12,official',
	'',
].join('\n');

scenario('import: a file with bad rows, every bad row in the report, then the good rows kept', async (t) => {
	const p = t.page;
	await t.signIn('clerk.hg');
	await t.visit('/import');
	await t.shot('form');
	const file = { name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(IMPORT_CSV) };
	await p.selectOption('#f-kind', 'members');
	await p.setInputFiles('input[name=file]', file);
	await t.submit(p.locator('#import-form #submit'));
	const lines = (await p.locator('table.report tbody td.line').allTextContents()).map((s) => s.trim());
	assert.ok(lines.includes('3'), `line 3 (1999-02-30) is in the report: ${lines}`);
	assert.ok(lines.includes('5'), `line 5 (sex x) is in the report: ${lines}`);
	assert.ok(!lines.includes('2') && !lines.includes('4'), 'the good lines are not');
	assert.match(await t.text('table.report'), /1999-02-30/);
	assert.equal(await t.text('#imported'), '0', 'nothing is imported while a row is bad');
	await t.shot('report');

	await p.selectOption('#f-kind', 'members');
	await p.setInputFiles('input[name=file]', file);
	await p.check('#f-skip_bad');
	await t.submit(p.locator('#import-form #submit'));
	assert.equal(await t.text('#imported'), '2', 'the two good rows are imported when bad ones are skipped');
	assert.equal(await t.text('#rejected'), '2');
	await t.shot('skipped');
});

// ---- the yearly review ------------------------------------------------------------------

// The grades chosen on the review form: the first `excellent` rows excellent, the rest good.
async function chooseGrades(p, excellent) {
	const selects = p.locator('#review-form select.grade');
	const n = await selects.count();
	for (let i = 0; i < n; i++)
		await selects.nth(i).selectOption(i < excellent ? 'excellent' : 'good');
	return n;
}

// A cell's figures in the report: the count and the percentage of one row of one table.
async function reportCell(p, table, key) {
	const cells = p.locator(`#t-${table} tr[data-key="${key}"] td`);
	return [((await cells.nth(0).textContent()) || '').trim(), ((await cells.nth(1).textContent()) || '').trim()];
}

scenario('review: a cell graded over the quota (counted live, refused), corrected, the cell graded above, the report', async (t) => {
	const p = t.page;
	const cell = 'HG-DV-01';
	const year = String(new Date().getFullYear());
	await t.signIn('secretary.hgdv');
	await t.visit(`/orgs/${cell}`);
	await t.submit(p.locator(`a#review[href="/orgs/${cell}/review"]`));
	assert.equal(t.path(), `/orgs/${cell}/review`);
	assert.equal(await p.locator('#review-form button#submit').count(), 1, 'the secretary decides');
	const form = p.locator('#review-form');
	const quota = Number(await form.getAttribute('data-quota'));
	const exBefore = Number(await form.getAttribute('data-excellent'));
	const gbBefore = Number(await form.getAttribute('data-good'));
	assert.equal(quota, 20, 'R-REVIEW-EXCELLENT-QUOTA is 20%');
	await t.shotAs('review-01-form');

	// Every member good or better, one excellent too many: the counter warns at once.
	const n = await p.locator('#review-form select.grade').count();
	assert.ok(n >= 5, `the cell's roll is on the form (${n} members)`);
	const gb = gbBefore + n;
	const max = Math.floor(gb * quota / 100);
	const over = max - exBefore + 1;
	await chooseGrades(p, over);
	const live = p.locator('#quota-live');
	assert.match(await live.getAttribute('class'), /\bover\b/, 'the live count is marked over the limit');
	const overText = `${exBefore + over} hoàn thành xuất sắc trên ${gb} hoàn thành tốt trở lên: vượt giới hạn 20% (tối đa ${max})`;
	assert.equal((await live.textContent()).trim(), overText, 'the live count says so in words');
	await t.shotAs('review-02-over-quota-live');

	await t.submit(p.locator('#review-form #submit'));
	assert.equal(t.path(), `/orgs/${cell}/review`, 'the server sends the form back');
	assert.equal((await t.text('#quota-refused')), overText, 'the refusal names the count and the limit');
	assert.match(await t.text('#form-errors'), /R-REVIEW-EXCELLENT-QUOTA/);
	const selects = p.locator('#review-form select.grade');
	for (let i = 0; i < n; i++)
		assert.equal(await selects.nth(i).inputValue(), i < over ? 'excellent' : 'good', `row ${i + 1} keeps its grade`);
	assert.equal(await p.locator('td.decided', { hasText: 'Hoàn thành' }).count(), 0, 'nothing was decided');
	await t.shotAs('review-03-refused');

	// One excellent fewer: within the limit, accepted.
	await selects.nth(over - 1).selectOption('good');
	assert.doesNotMatch(await live.getAttribute('class'), /\bover\b/, 'the live count is within the limit again');
	assert.match(await live.textContent(), /trong giới hạn 20%/);
	await t.shotAs('review-04-corrected');
	await t.submit(p.locator('#review-form #submit'));
	assert.equal(new globalThis.URL(p.url()).searchParams.get('saved'), String(n), `${n} grades recorded`);
	assert.ok(await p.locator('#saved').isVisible());
	assert.equal(await p.locator('td.decided', { hasText: 'Hoàn thành xuất sắc nhiệm vụ' }).count(), over - 1);
	assert.equal(await p.locator('td.decided', { hasText: 'Hoàn thành tốt nhiệm vụ' }).count(), n - over + 1);
	await t.shotAs('review-05-accepted');
	await t.submit(p.locator('form.out button'));

	// The committee above (the province) decides the cell's own grade.
	await t.signIn('clerk.hg');
	await t.visit(`/orgs/${cell}`);
	await t.submit(p.locator(`a#review-org[href="/orgs/${cell}/review-org"]`));
	assert.match(await t.text('#org-grade-now'), /Chưa quyết định/);
	await p.selectOption('#f-grade', 'excellent');
	await t.shotAs('review-06-org-form');
	await t.submit(p.locator('#review-org-form #submit'));
	assert.equal(await p.locator('.errors, span.err').count(), 0, 'the organisation\'s grade is accepted');
	assert.equal(await t.text('#org-grade'), 'Hoàn thành xuất sắc nhiệm vụ');
	assert.ok(await p.locator('#org-review-history tbody tr').count() >= 1, 'its history lists the decision');
	await t.shotAs('review-07-org-decided');

	// The report shows the result: counts and percentages of the year.
	await t.visit(`/orgs/${cell}`);
	await t.submit(p.locator(`a#report[href="/orgs/${cell}/report"]`));
	assert.equal(await t.text('#report-year-shown'), year);
	const pct = (k) => {
		const v = Math.round((k * 10000) / n);
		return `${Math.floor(v / 100)},${String(v % 100).padStart(2, '0')}%`; // Vietnamese: 97,03%
	};
	assert.deepEqual(await reportCell(p, 'member_reviews', 'excellent'), [String(over - 1), pct(over - 1)]);
	assert.deepEqual(await reportCell(p, 'member_reviews', 'good'), [String(n - over + 1), pct(n - over + 1)]);
	assert.deepEqual(await reportCell(p, 'member_reviews', 'good_or_better'), [String(n), '100,00%']);
	assert.deepEqual(await reportCell(p, 'org_reviews', 'excellent'), ['1', '100,00%']);
	assert.ok(await p.locator('#t-member_reviews svg.chart').isVisible(), 'a chart of the grades');
	await t.shotAs('review-08-report');
	// The records behind a figure.
	await t.submit(p.locator('#t-member_reviews tr[data-key="excellent"] a'));
	assert.equal(await p.locator('table.members tbody tr').count(), over - 1, 'the excellent members are listed');
	await t.shotAs('review-09-behind-figure');
});

// ---- running them ---------------------------------------------------------------------

// Further scenarios live in files of their own, tests/browser/s_AREA.js, each exporting a
// function that is given what it needs to declare them: module.exports = ({ scenario, assert,
// URL, ACCOUNTS }) => { scenario('...', async (t) => { ... }); };
for (const f of fs.readdirSync(__dirname).filter((n) => /^s_[a-z0-9_]+\.js$/.test(n)).sort())
	require(path.join(__dirname, f))({ scenario, assert, URL, ACCOUNTS });

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
		page.on('response', async (r) => {
			if (r.status() >= 500)
				problems.push(`${r.status()} from ${r.request().method()} ${r.url()}`);
			// Each page under 100 KB, for the slow links of border units.
			if (r.request().resourceType() === 'document' && r.status() === 200) {
				const size = (await r.body().catch(() => Buffer.alloc(0))).length;
				if (size > 100 * 1024)
					problems.push(`${r.url()} is ${size} bytes, over 100 KB`);
			}
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
