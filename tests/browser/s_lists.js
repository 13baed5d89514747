// s_lists.js - the list pages in a browser: the roll sorted by a click on its column head and
// filtered by its form (the total changes), page numbers, the audit log filtered and paged
// beyond its first page, and the links of the downloads.
module.exports = ({ scenario, assert }) => {
	scenario('lists: the roll sorted and filtered without script, page numbers, downloads', async (t) => {
		const p = t.page;
		await t.signIn('admin');
		await t.visit('/orgs/HG-BM-02');
		const total = async () => {
			const s = await t.text('#list-total');
			return Number((s.split('/')[1] || '').replace(/[^0-9]/g, ''));
		};
		const all = await total();
		assert.ok(all > 0, 'the roll has a total');
		await t.submit(p.locator('#roll thead a.sort', { hasText: /birth|sinh/i }).first());
		assert.match(t.path(), /^\/orgs\/HG-BM-02$/);
		assert.equal(await p.locator('#roll th[aria-sort="ascending"]').count(), 1,
			'sorted by the column clicked');
		await t.shot('roll-by-birth');
		await p.selectOption('#roll-filters select[name="sex"]', 'female');
		await t.submit(p.locator('#roll-filters button'));
		const women = await total();
		await p.selectOption('#roll-filters select[name="sex"]', 'male');
		await t.submit(p.locator('#roll-filters button'));
		assert.equal(women + (await total()), all, 'women and men make the whole roll');
		assert.equal(await p.locator('#roll th[aria-sort="ascending"]').count(), 1,
			'the order is kept by the filter');
		assert.ok(await p.locator('#list-csv').isVisible(), 'a CSV of the list');
		assert.match(await p.locator('#list-xlsx').getAttribute('href'), /sex=male.*format=xlsx/);
		await t.shot('roll-men');
	});

	scenario('lists: the audit log filtered and paged by number and by next', async (t) => {
		const p = t.page;
		await t.signIn('admin');
		await t.visit('/audit');
		await t.shot('audit');
		const pages = p.locator('nav.pager .pages a:not([rel])');
		if ((await pages.count()) > 0) {
			await t.submit(pages.last());
			assert.ok(await p.locator('nav.pager strong[aria-current="page"]').isVisible(),
				'the last page is marked');
			await t.shot('audit-last');
		}
		await t.visit('/audit');
		const next = p.locator('nav.pager a[rel="next"]');
		if ((await next.count()) > 0) {
			await t.submit(next);
			assert.match(t.path(), /^\/audit$/);
			assert.equal(await t.text('nav.pager strong[aria-current="page"]'), '2');
		}
		await p.fill('#audit-filters input[name="action"]', 'no.such.action');
		await t.submit(p.locator('#audit-filters button'));
		assert.ok(await p.locator('#no-entries').isVisible(), 'nothing for an unknown action');
	});
};
