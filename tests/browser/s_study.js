// s_study.js - documents and their study in the browser (issue 12, docs/study.md): the
// register searched without accents, a document's page with its plans, sessions and coverage,
// the coverage's drill-down from the whole region to an organisation that has not studied it
// and its members not yet covered, and a document registered on the form (a number that
// cannot be read refused with the byte beside the field, then typed loosely and stored in its
// canonical spelling). Run on the demo's database (docs/study.md, "Demo").
module.exports = ({ scenario, assert }) => {
	scenario('study: search the register, a document, its coverage drilled down, a document registered', async (t) => {
		const p = t.page;
		await t.signIn('admin');
		await t.visit('/documents');
		assert.ok((await p.locator('#documents tbody tr').count()) >= 5, 'the five documents of the demo');
		await p.fill('#doc-q', 'nghi quyet 21');
		await t.submit(p.locator('#doc-search button'));
		const rows = p.locator('#documents tbody tr');
		assert.ok((await rows.count()) >= 1, 'found without accents');
		assert.equal(await p.locator('#documents tbody tr td a', { hasText: /^21-NQ\/TW$/ }).count(), 1,
			'21-NQ/TW among them');
		assert.equal(await p.locator('#documents tbody tr td a', { hasText: '35-CT/TW' }).count(), 0,
			'not a directive');
		assert.match(await p.locator('#doc-csv').getAttribute('href'), /format=csv.*q=/);
		await t.shot('register-search');

		await t.submit(p.locator('#documents tbody tr td a', { hasText: '21-NQ/TW' }));
		assert.match(t.path(), /^\/documents\/\d+$/);
		const cov = await t.text('#cov-members');
		const m = cov.replace(/\./g, '').match(/(\d+) \/ (\d+)/);
		assert.ok(m, `the coverage's members: ${cov}`);
		const share = Number(m[1]) / Number(m[2]);
		assert.ok(share > 0.9 && share < 1, `about 95% covered in the demo (${cov})`);
		assert.ok((await p.locator('#plans tbody tr').count()) >= 4, 'four plans, tier by tier');
		assert.ok((await p.locator('#sessions tbody tr').count()) >= 1, 'its sessions');
		await t.shot('document');

		await t.submit(p.locator('#cov-link'));
		assert.match(t.path(), /^\/documents\/\d+\/coverage$/);
		const missing = p.locator('#cov-orgs-table tr.missing a');
		assert.ok((await missing.count()) >= 1, 'organisations that have not studied it');
		await t.shot('coverage');
		// down to the first organisation listed that has not studied it: the deepest (an
		// organisation comes after those under it), one with a roll of its own
		await t.submit(missing.first());
		assert.match(t.path(), /^\/documents\/\d+\/coverage$/);
		assert.ok((await p.locator('#cov-missing-members li').count()) > 0,
			'the members not yet covered of an organisation that has not studied it');
		await t.shot('coverage-members');

		await t.visit('/documents/new');
		await p.fill('#f-number', '21-XX/TW');
		await p.fill('#f-issued_on', '2020-01-01');
		await p.fill('#f-title', 'Chỉ thị thử');
		await p.fill('#f-org', 'QK2');
		await t.submit(p.locator('#doc-form button[type=submit]'));
		assert.match(await t.text('#e-number'), /byte 3/);
		await t.shot('form-refused');
		await p.fill('#f-number', '35 – ct / tw');
		await t.submit(p.locator('#doc-form button[type=submit]'));
		assert.match(t.path(), /^\/documents\/\d+$/);
		assert.match(await p.title(), /35-CT\/TW/);
		await t.shot('registered');
	});
};
