// s_home.js - the home page's worklist in the browser (issue 10, item 7): a province clerk lands
// on it after signing in, sees each item with its count and follows the links to the lists; it
// fits a phone; the tree opens two levels and links deeper.
'use strict';

module.exports = ({ scenario, assert }) => {
	scenario('home: the worklist after signing in, its links, at desktop and phone size', async (t) => {
		const p = t.page;
		await t.signIn('clerk.hg');
		assert.equal(t.path(), '/', 'signing in lands on the worklist');
		assert.equal(await t.lang(), 'vi');
		assert.equal(await t.text('h1'), 'Việc cần làm');
		const ids = await p.locator('#worklist li').evaluateAll((els) => els.map((e) => e.id));
		assert.deepEqual(ids, ['wl-transfers_to_receive', 'wl-transfers_overdue',
			'wl-reviews_undecided', 'wl-members_number_clash', 'wl-adm_ceremony_late',
			'wl-adm_recognition_due', 'wl-adm_recognition_late', 'wl-adm_upper_awaited',
			'wl-meet_monthly_missed', 'wl-meet_thematic_missed', 'wl-meet_absentees',
			'wl-cadre_vacancies']);
		for (const id of ids) {
			const n = await t.text(`#${id} .count`);
			assert.match(n, /^[0-9]+$/, `${id} shows a count`);
		}
		assert.equal(await t.text('#wl-transfers_to_receive .title'), 'Chuyển sinh hoạt đến cần tiếp nhận');
		assert.match(await t.text('p.scope'), /HG|Hà Giang/, 'the scope is the province');
		await t.shot('worklist');

		const undecided = Number(await t.text('#wl-reviews_undecided .count'));
		await t.submit(p.locator('#wl-reviews_undecided a'));
		assert.match(t.path(), /^\/orgs\/HG\/report\/members$/, 'to the members without a grade');
		if (undecided > 0)
			assert.ok(await p.locator('table.members tbody tr').count() > 0, 'the list holds them');
		await t.shot('undecided');

		await t.visit('/');
		await t.submit(p.locator('#wl-transfers_to_receive a'));
		assert.equal(t.path(), '/transfers');
		await t.visit('/');
		await t.submit(p.locator('#wl-members_number_clash a'));
		assert.equal(t.path(), '/worklist/number-clash');

		await p.setViewportSize({ width: 390, height: 844 });
		await t.visit('/');
		const wide = await p.evaluate(() => document.documentElement.scrollWidth);
		assert.ok(wide <= 390, `the worklist fits a phone (${wide} px wide)`);
		await t.shot('worklist-phone');
	});

	scenario('home: the tree opens two levels and links to the levels below', async (t) => {
		const p = t.page;
		await t.signIn('admin');
		await t.visit('/tree');
		const open = await p.locator('#tree details[open]').count();
		assert.ok(open >= 1, 'the first levels are open');
		const depth = await p.evaluate(() => {
			let max = 0;
			for (const d of document.querySelectorAll('#tree details')) {
				let n = 0;
				for (let e = d; e; e = e.parentElement.closest('details')) n++;
				max = Math.max(max, n);
			}
			return max;
		});
		assert.ok(depth <= 2, `at most two levels of folds (${depth})`);
		const deeper = p.locator('#tree a.deeper').first();
		if (await deeper.count()) {
			const href = await deeper.getAttribute('href');
			assert.match(href, /^\/tree\?root=/);
			await t.submit(deeper);
			assert.equal(t.path(), '/tree', 'the levels below on their own tree page');
		}
		const bytes = await p.evaluate(() => document.documentElement.outerHTML.length);
		assert.ok(bytes < 30 * 1024, `the tree page is under 30 KB (${bytes})`);
		await t.shot('tree');
	});
};
