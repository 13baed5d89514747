// s_hb.js - a member's own handbook on a phone (390x844, docs/handbook.md): from the slip the
// clerk handed out (the demo's cell E98-D1-CQ: a member dvNN.demo with a document still to
// study, code HBDM-SAMP-A?22) to the activation, the home page with what is due, the
// individual action plan written and its results reported, a document's study confirmed, the
// cell's meetings; the pages small and without script; the cell's staff page not found.
'use strict';
const { execFileSync } = require('node:child_process');

// The demo's member account (dvNN.demo, code HBDM-SAMP-A?22) with a document still to study:
// read from the scenario's database, so that the demo's study figures may change.
function memberToStudy() {
	const row = execFileSync('sqlite3', [process.env.CADRE_DB,
		"SELECT a.name FROM account a JOIN member_account ma ON ma.account_id = a.id " +
		"WHERE ma.activated_at IS NULL AND EXISTS (SELECT 1 FROM document d WHERE NOT EXISTS " +
		"(SELECT 1 FROM study_covered c WHERE c.document_id = d.id AND c.member_id = ma.member_id)) " +
		"ORDER BY a.name LIMIT 1"]).toString().trim();
	const login = row || 'dv02.demo';
	const i = Number(login.slice(2, 4)) - 1;
	const abc = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
	return { login, code: `HBDM-SAMP-${abc[Math.floor(i / 32)]}${abc[i % 32]}22`, toStudy: !!row };
}

module.exports = ({ scenario, assert }) => {
	scenario('handbook: a member activates the account on a phone, writes the plan, reports its results and confirms a document\'s study', async (t) => {
		const p = t.page;
		await p.setViewportSize({ width: 390, height: 844 });
		const sizes = [];
		p.on('response', async (r) => {
			if (r.request().resourceType() === 'document' && r.status() === 200)
				sizes.push([r.url(), (await r.body().catch(() => Buffer.alloc(0))).length]);
		});
		const who = memberToStudy();
		await t.visit('/activate');
		assert.equal(await t.lang(), 'vi');
		assert.equal(await t.text('h1'), 'Kích hoạt tài khoản');
		await t.shot('form');
		// A wrong code first: refused, nothing activated.
		await p.fill('#f-login', who.login);
		await p.fill('#f-code', 'HBDM-SAMP-ZZ22');
		await p.fill('#f-password', 'mật khẩu của tôi 2026');
		await p.fill('#f-password2', 'mật khẩu của tôi 2026');
		await t.submit(p.locator('form.login button'));
		assert.equal(t.path(), '/activate');
		assert.match(await t.text('.errors'), /mã kích hoạt không đúng/);
		await t.shot('wrong-code');
		// The code as typed on a phone: lower case, without its dashes.
		await p.fill('#f-login', who.login);
		await p.fill('#f-code', who.code.toLowerCase().replace(/-/g, ''));
		await p.fill('#f-password', 'mật khẩu của tôi 2026');
		await p.fill('#f-password2', 'mật khẩu của tôi 2026');
		await t.submit(p.locator('form.login button'));
		assert.equal(t.path(), '/hb', 'signed in, on the handbook');
		assert.equal(await t.text('h1'), 'Sổ tay đảng viên');
		assert.match(await t.text('ul.due'), /Lập kế hoạch hành động năm nay/);
		await t.shot('home');

		// The phone's width: nothing wider than the screen.
		const wide = await p.evaluate(() => document.documentElement.scrollWidth);
		assert.ok(wide <= 390, `the page fits the phone's width (${wide} px)`);

		await t.submit(p.locator('ul.due a[href="/hb/plan"]'));
		assert.equal(t.path(), '/hb/plan');
		await p.fill('#f-commitments', 'Học tập, quán triệt Nghị quyết 21-NQ/TW; hoàn thành tốt nhiệm vụ được giao');
		await t.submit(p.locator('form[action="/hb/plan"] button'));
		assert.equal(t.path(), '/hb/plan');
		assert.match(await p.inputValue('#f-commitments'), /Nghị quyết 21-NQ\/TW/);
		await t.shot('plan-written');
		await p.fill('#f-results', 'Đã học tập đầy đủ; hoàn thành tốt nhiệm vụ');
		await t.submit(p.locator('form[action="/hb/plan/results"] button'));
		assert.match(await p.inputValue('#f-results'), /hoàn thành tốt nhiệm vụ/);
		assert.match(await t.text('main'), /báo cáo kết quả ngày/);
		await t.shot('plan-reported');
		await t.visit('/hb');
		assert.match(await t.text('ul.due'), /đã báo cáo kết quả/);

		// The documents to study, and "I have studied it".
		await t.submit(p.locator('ul.due a[href="/hb/study"]'));
		assert.ok(await p.locator('ul.docs li').count() >= 1, 'documents to study are listed');
		assert.ok(who.toStudy, 'the demo has a member with a document still to study');
		const button = p.locator('ul.docs form button').first();
		assert.equal((await button.textContent()).trim(), 'Tôi đã học tập văn bản này');
		const before = await p.locator('ul.docs form').count();
		await t.submit(button);
		assert.equal(t.path(), '/hb/study');
		assert.equal(await p.locator('ul.docs form').count(), before - 1, 'one button fewer');
		assert.match(await t.text('ul.docs'), /Đồng chí đã xác nhận học tập ngày/);
		await t.shot('studied');

		await t.visit('/hb/meetings');
		assert.ok(await p.locator('ul.meetings li').count() >= 1, 'the cell\'s meetings');
		await t.shot('meetings');

		await t.visit('/hb/record');
		assert.equal(await t.text('h1'), 'Hồ sơ của tôi');
		await t.shot('record');
		// The staff's pages answer a member account as nothing.
		const other = await t.visit('/orgs/E98-D1-CQ');
		assert.equal(other.status(), 404, 'the cell\'s page is not found');

		for (const [url, size] of sizes)
			if (new globalThis.URL(url).pathname.startsWith('/hb') || url.endsWith('/activate'))
				assert.ok(size < 30 * 1024, `${url} is ${size} bytes, under 30 KB`);
		assert.equal(await p.locator('script').count(), 0, 'no script on the handbook');
	});
};
