// s_cadres.js - key cadres in the browser (issue 13, docs/cadres.md): the demo region's
// vacancy report from the home worklist's item, border areas first (named in words, not colour
// alone), each row leading to the organisation's positions and committee, where the holders'
// history and the committee of the day show; the clerk of a province sees its subtree only.
// (Forms to appoint, dismiss and rotate are the CLI's and the API's for now.)
'use strict';

module.exports = ({ scenario, assert }) => {
	scenario('cadres: the vacancy report from the worklist, border areas first', async (t) => {
		const p = t.page;
		await t.signIn('admin');
		await t.visit('/');
		const link = p.locator('a[href$="/vacancies"]').first();
		assert.ok(await link.count() > 0, 'the worklist links to the vacancy report');
		await t.submit(link);
		assert.match(new globalThis.URL(p.url()).pathname, /^\/orgs\/[A-Za-z0-9._-]+\/vacancies$/);
		const rows = p.locator('#vacancy-list tbody tr');
		const n = await rows.count();
		assert.ok(n > 5, `the demo has vacancies (${n})`);
		const areas = await p.locator('#vacancy-list tbody tr td:nth-child(7)').allTextContents();
		const firstPlain = areas.findIndex((s) => s.trim() === '' || /combat|chiến đấu/.test(s));
		const lastBorder = areas.map((s) => /border|biên giới|difficult|khó khăn/.test(s)).lastIndexOf(true);
		assert.ok(lastBorder >= 0, 'some vacancies are in border areas');
		assert.ok(firstPlain < 0 || lastBorder < firstPlain, 'border and difficult areas come first');
		await t.shot('vacancies');
		await t.submit(rows.first().locator('a'));
		assert.match(new globalThis.URL(p.url()).pathname, /^\/orgs\/[A-Za-z0-9._-]+\/cadres$/);
		assert.ok(await p.locator('h2#positions').count() === 1, 'the positions section');
		assert.ok(await p.locator('h2#committee').count() === 1, 'the committee section');
		await t.shot('positions');
	});

	scenario('cadres: a province clerk sees the province\'s report only', async (t) => {
		const p = t.page;
		await t.signIn('clerk.hg');
		const resp = await t.visit('/orgs/HG/vacancies');
		assert.equal(resp.status(), 200);
		const orgs = await p.locator('#vacancy-list tbody tr td:first-child a').evaluateAll(
			(as) => as.map((a) => a.getAttribute('href')));
		assert.ok(orgs.every((h) => /^\/orgs\/HG[A-Za-z0-9._-]*\/cadres$/.test(h)),
			`only HG's subtree: ${orgs.join(' ')}`);
		const other = await t.visit('/orgs/SL/vacancies');
		assert.equal(other.status(), 404, 'another province is the 404 of nothing');
	});
};
