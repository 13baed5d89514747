// s_training.js - training records in the browser (issue 13, docs/cadres.md): the
// organisation department's demo account (tochuc.demo, with the personnel right) follows the
// report's training table to the list of a province's records, opens a member, adds a record
// on the form (a refused form first: the error beside its field, the values kept) and sees it
// on the member's page; a province clerk without the right sees neither the section nor the
// table.
'use strict';

const PERSONNEL = { name: 'tochuc.demo', password: 'canbo-tochuc-2026' };

module.exports = ({ scenario, assert }) => {
	scenario('training: from the report to a member, a record added; hidden without the right', async (t) => {
		const p = t.page;
		await t.visit('/login');
		await p.fill('#f-name', PERSONNEL.name);
		await p.fill('#f-password', PERSONNEL.password);
		await t.submit(p.locator('form.login button'));
		assert.notEqual(t.path(), '/login', 'the personnel account signs in');

		await t.visit('/orgs/HG/report?year=2025');
		const link = p.locator('a[href^="/orgs/HG/training?year=2025&kind="]').first();
		assert.ok(await link.count() > 0, 'the training table links to the records');
		await t.shot('report');
		await t.submit(link);
		assert.equal(t.path(), '/orgs/HG/training');
		const rows = p.locator('#org-training tbody tr');
		assert.ok(await rows.count() > 0, 'the list holds the records behind the figure');
		await t.shot('list');

		await t.submit(rows.first().locator('a[href^="/members/"]').first());
		assert.match(t.path(), /^\/members\/[0-9]+$/);
		const member = t.path();
		assert.equal(await p.locator('#member-training').count(), 1, 'the member\'s training');
		const before = await p.locator('#member-training tbody tr').count();
		await t.submit(p.locator('#training-add'));
		assert.equal(t.path(), `${member}/training/new`);
		await p.fill('#f-course', 'Bồi dưỡng cán bộ chủ trì');
		await p.fill('#f-school', 'Trường Quân sự Quân khu 2');
		await p.selectOption('#f-kind', 'short');
		await p.fill('#f-from', '2026-03-10');
		await p.fill('#f-to', '2026-03-01');
		await t.submit(p.locator('#submit'));
		assert.match(await t.text('#e-to'), /trước ngày bắt đầu|before it starts/);
		assert.equal(await p.inputValue('#f-course'), 'Bồi dưỡng cán bộ chủ trì', 'the values kept');
		await t.shot('refused');
		await p.fill('#f-to', '2026-03-20');
		await t.submit(p.locator('#submit'));
		assert.equal(t.path(), member, 'back to the member');
		assert.equal(await p.locator('#member-training tbody tr').count(), before + 1);
		assert.ok((await t.text('#member-training')).includes('Bồi dưỡng cán bộ chủ trì'));
		await t.shot('added');

		await t.submit(p.locator('form.out button'));
		await t.signIn('clerk.hg');
		await t.visit(member);
		assert.equal(await p.locator('#member-training').count(), 0, 'no section without the right');
		await t.visit('/orgs/HG/report?year=2025');
		assert.equal(await p.locator('a[href^="/orgs/HG/training"]').count(), 0,
			'no training table without the right');
		await t.shot('clerk');
	});
};
