// s_screens.js - every page of the app at a desk (1366x900) and on a phone (360x780), in
// Vietnamese and in English: no sideways scrolling of the page itself, axe-core finds no serious
// or critical violation, the header on one line at the desk, a screenshot of each
// (build/screenshots/screens-LANG-SIZE-PAGE.jpeg); and the report printed by Chromium to PDF,
// complete, with the running header on its pages.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = process.env.SCREENSHOTS;
const SIZES = [
	{ name: 'desk', width: 1366, height: 900 },
	{ name: 'phone', width: 360, height: 780 },
];

module.exports = ({ scenario, assert, URL, ACCOUNTS }) => {
	// A context of its own in language lang (the cookie the language switch sets), signed in
	// as admin unless signedOut.
	async function open(t, lang, signedOut) {
		const browser = t.page.context().browser();
		const context = await browser.newContext({ viewport: SIZES[0] });
		await context.addCookies([{ name: 'lang', value: lang, url: URL }]);
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
				problems.push(`${r.status()} from ${r.url()}`);
		});
		if (!signedOut) {
			await page.goto(`${URL}/login`);
			await page.fill('#f-name', 'admin');
			await page.fill('#f-password', ACCOUNTS.admin);
			await Promise.all([page.waitForEvent('load'), page.click('form.login button')]);
			assert.ok(!page.url().includes('/login'), 'signed in');
		}
		return { context, page, problems };
	}

	// The pages of the app (the GET routes of src/web/pages.c and src/web/forms.c), with a
	// member and a transfer found on the way.
	async function pagesOf(page) {
		await page.goto(`${URL}/orgs/HG-CQ-TM`);
		const member = await page.locator('a[href^="/members/"]').first().getAttribute('href');
		assert.match(member, /^\/members\/\d+$/, 'a member of HG-CQ-TM');
		return [
			['home', '/'],
			['tree', '/tree'],
			['org-region', '/orgs/QK2'],
			['org-province', '/orgs/HG'],
			['org-cell', '/orgs/HG-CQ-TM'],
			['member', member],
			['member-edit', `${member}/edit`],
			['member-status', `${member}/status`],
			['member-transfer', `${member}/transfer`],
			['member-new', '/orgs/HG-CQ-TM/members/new'],
			['transfers', '/transfers'],
			['search', '/search?q=nguyen+van'],
			['report', '/orgs/HG/report'],
			['report-print', '/orgs/HG/report?print=1'],
			['report-members', '/orgs/HG/report/members?filter=status%3Dofficial'],
			['report-orgs', '/orgs/HG/report/orgs?filter=kind%3Dcell'],
			['review', '/orgs/HG-CQ-TM/review?year=2025'],
			['review-org', '/orgs/HG-CQ-TM/review-org'],
			['org-emulation', '/orgs/HG-CQ/emulation'],
			['emulation', '/emulation'],
			['discipline', '/discipline'],
			['audit', '/audit'],
			['rules', '/rules'],
			['import', '/import'],
			['not-found', '/orgs/NO-SUCH-ORG'],
		];
	}

	// What is wrong with the page as it is now at this size: sideways scrolling, the header
	// wrapped (at the desk), axe's serious and critical violations.
	async function check(page, size) {
		const wrong = [];
		const m = await page.evaluate(() => {
			const h = document.querySelector('header.bar');
			return {
				scroll: document.documentElement.scrollWidth,
				client: document.documentElement.clientWidth,
				header: h ? h.getBoundingClientRect().height : 0,
				// A select as wide as its chosen option's whole name (and its arrow).
				cut: [...document.querySelectorAll('main select')].filter((s) => s.offsetParent && s.selectedIndex >= 0)
					.map((s) => {
						const g = document.createElement('canvas').getContext('2d');
						g.font = getComputedStyle(s).font;
						const text = s.options[s.selectedIndex].text;
						return { id: s.id || s.name, text, need: Math.ceil(g.measureText(text).width) + 18, has: s.clientWidth };
					}).filter((x) => x.has < x.need).slice(0, 3),
				wide: [...document.querySelectorAll('main *')]
					.filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
					.slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
			};
		});
		if (m.scroll > m.client)
			wrong.push(`${m.scroll} px wide on a ${m.client} px screen (${m.wide.join(', ')})`);
		for (const x of m.cut)
			wrong.push(`the select ${x.id} shows "${x.text}" in ${x.has} px, it needs ${x.need}`);
		if (size.name === 'desk' && m.header > 60)
			wrong.push(`the header is ${m.header} px tall: it wraps`);
		if (!(await page.evaluate(() => typeof window.axe === 'object')))
			await page.evaluate(AXE);
		const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
		for (const v of res.violations)
			if (v.impact === 'serious' || v.impact === 'critical')
				wrong.push(`axe ${v.impact} ${v.id}: ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
		return wrong;
	}

	// Every page in one language at both sizes: what is wrong, in a list.
	async function allPages(t, lang) {
		const { context, page, problems } = await open(t, lang, false);
		const wrong = [];
		const look = async (pg, slug, p) => {
			for (const size of SIZES) {
				await pg.setViewportSize({ width: size.width, height: size.height });
				for (const w of await check(pg, size))
					wrong.push(`${lang} ${p} (${size.name}): ${w}`);
				// The whole page, unless it is taller than Chromium draws in one piece (the
				// full report on a phone): then what the screen shows.
				const tall = await pg.evaluate(() => document.documentElement.scrollHeight);
				await pg.screenshot({ path: path.join(SHOTS, `screens-${lang}-${size.name}-${slug}.jpeg`),
					fullPage: tall <= 12000, type: 'jpeg', quality: 70, timeout: 60000 });
			}
			await pg.setViewportSize(SIZES[0]);
		};
		for (const [slug, p] of await pagesOf(page)) {
			const resp = await page.goto(URL + p);
			assert.equal(await page.getAttribute('html', 'lang'), lang, `${p} in ${lang}`);
			assert.equal(resp.status(), slug === 'not-found' ? 404 : 200, `${p}: status`);
			await look(page, slug, p);
		}
		// The dark theme (prefers-color-scheme): dark pages, text that contrasts.
		if (lang === 'vi') {
			await page.emulateMedia({ colorScheme: 'dark' });
			for (const p of ['/tree', '/orgs/HG/report', '/transfers', '/orgs/HG-CQ-TM/review?year=2025', '/audit']) {
				await page.goto(URL + p);
				const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
				if (bg !== 'rgb(22, 22, 22)')
					wrong.push(`dark ${p}: the page's background is ${bg}`);
				if (!(await page.evaluate(() => typeof window.axe === 'object')))
					await page.evaluate(AXE);
				const res = await page.evaluate(() => window.axe.run(document, { runOnly: ['color-contrast'] }));
				for (const v of res.violations)
					wrong.push(`dark ${p}: axe ${v.impact} ${v.id}: ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
				await page.screenshot({ path: path.join(SHOTS, `screens-${lang}-dark-${p.split(/[/?]/)[1]}-${p.split(/[/?]/)[2] || ''}.jpeg`),
					type: 'jpeg', quality: 70, timeout: 60000 });
			}
			await page.emulateMedia({ colorScheme: 'light' });
		}
		// The sign-in page, signed out.
		const out = await open(t, lang, true);
		await out.page.goto(`${URL}/login`);
		await look(out.page, 'login', '/login');
		await out.context.close();
		await context.close();
		return wrong.concat(problems, out.problems);
	}

	scenario('screens: every page in Vietnamese and English at 1366x900 and 360 wide, axe-clean, no sideways scroll', async (t) => {
		// The two languages side by side, each in a context of its own.
		const wrong = await Promise.all(['vi', 'en'].map((lang) => allPages(t, lang)));
		assert.deepEqual(wrong.flat(), [], 'what is wrong on the pages');
	});

	scenario('screens: the report printed whole, a running head and foot on every page, PDF by Chromium', async (t) => {
		const { context, page, problems } = await open(t, 'vi', false);
		for (const code of ['HG', 'QK2']) {
			const resp = await page.goto(`${URL}/orgs/${code}/report`);
			assert.equal(resp.status(), 200);
			// The last year with decided reviews: 2025 in the demo, or this year once the
			// review scenario has graded a cell of HG.
			const year = await page.locator('#report-year-shown').textContent();
			assert.match(year, /^202[56]$/, 'the report opens on the last year with decided reviews');
			assert.ok(Number(await page.locator('#t-member_reviews tr[data-key="reviewed"] td.n').first().textContent()) > 0,
				`${year}: reviews decided`);
			await Promise.all([page.waitForEvent('load'), page.click('a#print')]);
			assert.match(page.url(), new RegExp(`/orgs/${code}/report\\?year=${year}&print=1$`));
			// Every row of every table, as in the CSV download of the same report.
			const csv = await (await context.request.get(`${URL}/orgs/${code}/report.csv?year=${year}`)).text();
			const want = {};
			for (const line of csv.trim().split('\n').slice(1)) {
				const [table, key] = line.split(',');
				(want[table] = want[table] || new Set()).add(key);
			}
			for (const [table, keys] of Object.entries(want)) {
				const got = await page.locator(`section#t-${table} tbody tr[data-key]`).count();
				assert.equal(got, keys.size, `${code}: table ${table} has all its ${keys.size} rows`);
			}
			assert.ok(want.transfers, 'the CSV has the transfer table');
			assert.equal(await page.locator('section#t-transfers table.report').count(), 1, 'the transfer table is printed');
			assert.equal(await page.locator('.left-out').count(), 0, 'nothing left out');
			assert.equal(await page.locator('form#report-year').count(), 0, 'no controls on the page to print');
			// On paper: the header of the site hidden, the frame's head and foot repeating.
			await page.emulateMedia({ media: 'print' });
			const paper = await page.evaluate(() => {
				const cs = (sel) => getComputedStyle(document.querySelector(sel));
				return {
					bar: cs('header.bar').display,
					head: cs('table.print-frame > thead').display,
					foot: cs('table.print-frame > tfoot').display,
					headText: document.querySelector('table.print-frame > thead').innerText,
					footText: document.querySelector('table.print-frame > tfoot').innerText,
					row: cs('section.rtable table.report tbody tr').breakInside,
				};
			});
			assert.equal(paper.bar, 'none', 'the site header is not printed');
			assert.equal(paper.head, 'table-header-group', 'the running head repeats on each page');
			assert.equal(paper.foot, 'table-footer-group', 'the running foot repeats on each page');
			assert.match(paper.headText, new RegExp(`${code}\\).*${year}`), 'the head names the organisation and the year');
			assert.match(paper.footText, /admin/, 'the foot says who printed it');
			assert.equal(paper.row, 'avoid', 'a row is not split across pages');
			const pdf = await page.pdf({ format: 'A4', printBackground: true });
			fs.writeFileSync(path.join(SHOTS, `screens-report-${code}.pdf`), pdf);
			const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
			assert.ok(pages >= 3, `${code}: the report prints on ${pages} A4 pages`);
			await page.emulateMedia({ media: 'screen' });
		}
		await context.close();
		assert.deepEqual(problems, []);
	});
};
