// s_find.js - finding people and organisations (docs/search.md): the count and the
// organisations of the search results, the breadcrumb of a member, and the organisation picker
// of the transfer form, without JavaScript (its own page, back with the code) and with it (the
// suggestions as one types).
'use strict';

// "Chi bộ Đại đội 3" -> "chi bo dai doi 3": what a user types without accents.
function fold(s) {
	return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

module.exports = ({ scenario, assert }) => {
	scenario('find: a count, names of organisations, a breadcrumb, the picker with and without script', async (t) => {
		const p = t.page;
		await t.signIn('clerk.hg');
		await t.visit('/search?q=nguyen+van');
		assert.match(await t.text('#found'), /^[\d.,]+ kết quả$/, 'the count of results, in Vietnamese');
		const rows = p.locator('table.found tbody tr');
		assert.ok(await rows.count() > 0, 'some members are found');
		const org = rows.first().locator('td').nth(2);
		assert.ok(await org.locator('a').count() === 1 && await org.locator('span.code').count() === 1,
			'the organisation by its name, with its code beside it');
		assert.notEqual((await org.locator('a').textContent()).trim(),
			(await org.locator('span.code').textContent()).trim(), 'a name, not the code');
		await t.shot('results');

		const name = (await rows.first().locator('td:first-child a').textContent()).trim();
		await t.submit(rows.first().locator('td:first-child a'));
		const record = t.path();
		assert.match(record, /^\/members\/\d+$/);
		const crumbs = p.locator('nav.crumbs li');
		assert.ok(await crumbs.count() >= 3, 'the path from the province down to the member');
		assert.equal((await crumbs.last().textContent()).trim(), name, 'the member last');
		assert.equal(await p.locator('nav.crumbs a[href="/orgs/HG"]').count(), 1,
			'the top of the clerk\'s scope first');
		await t.shot('member');

		await t.visit('/orgs/HG-BM-03');
		const target = (await t.text('h1')).normalize('NFC');
		// Without script: the picker's page, and back to the form with the code filled in.
		await t.visit(`${record}/transfer`);
		await p.fill('#pick-to', fold(target));
		await t.submit(p.locator('form.pick-find button'));
		assert.equal(t.path(), '/pick');
		const choice = p.locator('a.pick[href$="?to=HG-BM-03"]');
		assert.equal(await choice.count(), 1, `${target} is offered`);
		await t.shot('picker');
		await t.submit(choice);
		assert.equal(t.path(), `${record}/transfer`);
		assert.equal(await p.inputValue('#f-to'), 'HG-BM-03', 'the code filled in');
		await t.shot('chosen');

		// With script: suggestions from the API as one types.
		await p.fill('#f-to', '');
		await p.locator('#f-to').pressSequentially(fold(target), { delay: 20 });
		await p.locator('datalist option[value="HG-BM-03"]').waitFor({ state: 'attached', timeout: 5000 });
		await t.shot('suggested');
	});
};
