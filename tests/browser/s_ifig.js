// s_ifig.js - seed 004's footnote 7 in the browser (issue 14, docs/inspection.md "The
// footnote-7 report"): the administrator (who holds the inspection right) opens a province's
// inspection report, changes the period on its form, follows a number (the discipline the
// demo records) to the list behind it and back, and opens the print view (the organisation,
// the period, who printed it, every table); a province clerk without the right is refused.
'use strict';

module.exports = ({ scenario, assert }) => {
	scenario('inspection report: period, a number to its list, the print view', async (t) => {
		const p = t.page;
		await t.signIn('admin');
		await t.visit('/orgs/HG/inspection-report');
		assert.equal(await p.locator('#insp-period').count(), 1, 'the period form');
		assert.equal(await p.inputValue('#from'), '2020-01-01', 'from 2020 by default');
		assert.equal(await p.locator('section.rtable').count(), 4, 'the four tables');
		await t.shot('report');

		await p.fill('#from', '2021-01-01');
		await t.submit(p.locator('#insp-period button'));
		assert.equal(t.path(), '/orgs/HG/inspection-report');
		assert.equal(await p.inputValue('#from'), '2021-01-01', 'the period kept');
		assert.match(await t.text('#report-period'), /2021/);

		const link = p.locator('#t-insp_discipline td a').first();
		if (await link.count() > 0) {
			const shown = Number((await link.textContent()).replace(/[^0-9]/g, ''));
			await t.submit(link);
			assert.equal(t.path(), '/orgs/HG/inspection-report/list');
			assert.ok(await p.locator('#insp-list tbody tr').count() >= Math.min(shown, 50),
				'the list holds the records behind the number');
			const total = (await t.text('#page-of')).split('·').pop().replace(/[^0-9]/g, '');
			assert.equal(Number(total), shown, 'the list counts the number it came from');
			await t.shot('list');
			await t.submit(p.locator('#back'));
			assert.equal(t.path(), '/orgs/HG/inspection-report');
		}

		await t.submit(p.locator('#print'));
		assert.equal(await p.locator('#insp-period').count(), 0, 'no form on paper');
		assert.ok((await t.text('.print-frame thead .run')).includes('(HG)'), 'the running head');
		assert.match(await t.text('#printed'), /admin/);
		assert.equal(await p.locator('section.rtable').count(), 4, 'every table printed');
		await t.shot('print');

		await t.submit(p.locator('form.out button'));
		await t.signIn('clerk.hg');
		const resp = await p.goto(`${new globalThis.URL(p.url()).origin}/orgs/HG/inspection-report`);
		assert.equal(resp.status(), 403, 'refused without the inspection right');
	});
};
