// s_disc.js - discipline in the browser (issue 14, docs/inspection.md "Discipline"): the
// administrator (who holds the inspection right) opens a member of a cell, follows the record's
// discipline link to the form, sends it with an act past the limitation (the error beside its field,
// the values kept), then whole; the record page shows the decision and the member's record its
// discipline in force. A province clerk without the right sees the discipline in force on the
// member's record (form, date, body) but not the reason, and the register is refused.
'use strict';

module.exports = ({ scenario, assert }) => {
	scenario('discipline: recorded on the form, seen on the member\'s record', async (t) => {
		const p = t.page;
		const day = (n) => new Date(Date.now() - n * 86400000).toISOString().slice(0, 10);
		await t.signIn('admin');
		await t.visit('/orgs/HG-CQ-TM');
		const links = p.locator('a[href^="/members/"]');
		assert.ok(await links.count() > 1, 'members of HG-CQ-TM');
		await t.submit(links.last());
		assert.match(t.path(), /^\/members\/[0-9]+$/);
		const member = t.path();
		const id = member.split('/')[2];
		await t.submit(p.locator('#discipline'));
		assert.equal(t.path(), '/discipline');
		assert.equal(await p.inputValue('#f-member_id'), id, 'the member filled in');
		await p.selectOption('#f-form', 'reprimand');
		await p.fill('#f-body', 'HG-CQ');
		await p.fill('#f-date', day(10));
		await p.fill('#f-decision_no', '75-QĐ/ĐU');
		await p.fill('#f-reason', 'Vắng sinh hoạt chi bộ ba kỳ liên tiếp không lý do');
		// an act older than a reprimand's limitation period (or than the member's admission)
		await p.fill('#f-act_date', day(10 + 6 * 366));
		await t.submit(p.locator('#submit'));
		assert.match(await t.text('#e-act_date'), /R-DISCIPLINE-LIMITATION/);
		assert.equal(await p.inputValue('#f-decision_no'), '75-QĐ/ĐU', 'the values kept');
		await t.shot('refused');
		await p.fill('#f-act_date', day(30));
		await t.submit(p.locator('#submit'));
		assert.match(t.path(), /^\/discipline\/[0-9]+$/, 'to the record page');
		assert.ok((await t.text('#r-decision')).includes('75-QĐ/ĐU'));
		await t.shot('record');
		await t.visit(member);
		const section = await t.text('#member-discipline');
		assert.ok(section.includes('Khiển trách') || section.includes('Reprimand'), section);
		assert.ok(section.includes('Vắng sinh hoạt chi bộ ba kỳ'), 'the reason, with the right');
		await t.shot('member');

		await t.submit(p.locator('form.out button'));
		await t.signIn('clerk.hg');
		await t.visit(member);
		const seen = await t.text('#member-discipline');
		assert.ok(seen.includes('Khiển trách') || seen.includes('Reprimand'), 'in force, for all');
		assert.ok(!seen.includes('Vắng sinh hoạt chi bộ ba kỳ'), 'no reason without the right');
		await t.visit('/discipline');
		assert.ok(await p.locator('#discipline').count() === 0, 'no register without the right');
		await t.shot('clerk');
	});
};
