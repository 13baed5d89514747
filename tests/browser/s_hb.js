// s_hb.js - a member's own handbook on a phone (390x844, docs/handbook.md): from the slip the
// clerk handed out (the demo's cell E98-D1-CQ, member dv02.demo with code HBDM-SAMP-AB22) to
// the activation, the home page with what is due, the individual action plan written and its
// results reported; the pages small and without script; another member's record not found.
'use strict';

module.exports = ({ scenario, assert }) => {
	scenario('handbook: a member activates the account on a phone, writes the plan and reports its results', async (t) => {
		const p = t.page;
		await p.setViewportSize({ width: 390, height: 844 });
		const sizes = [];
		p.on('response', async (r) => {
			if (r.request().resourceType() === 'document' && r.status() === 200)
				sizes.push([r.url(), (await r.body().catch(() => Buffer.alloc(0))).length]);
		});
		await t.visit('/activate');
		assert.equal(await t.lang(), 'vi');
		assert.equal(await t.text('h1'), 'Kích hoạt tài khoản');
		await t.shot('form');
		// A wrong code first: refused, nothing activated.
		await p.fill('#f-login', 'dv02.demo');
		await p.fill('#f-code', 'HBDM-SAMP-ZZ22');
		await p.fill('#f-password', 'mật khẩu của tôi 2026');
		await p.fill('#f-password2', 'mật khẩu của tôi 2026');
		await t.submit(p.locator('form.login button'));
		assert.equal(t.path(), '/activate');
		assert.match(await t.text('.errors'), /mã kích hoạt không đúng/);
		await t.shot('wrong-code');
		// The code as typed on a phone: lower case, without its dashes.
		await p.fill('#f-login', 'dv02.demo');
		await p.fill('#f-code', 'hbdmsampab22');
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
