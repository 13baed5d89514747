// s_compl.js - complaints in the browser (issue 14, docs/inspection.md "Complaints and
// denunciations"): the administrator (who holds the inspection right) opens a province's
// register, lodges a complaint against one of its warnings on the form (a refused form first:
// a date after today, the error beside its field, the values kept), settles it as reduced to a reprimand, and sees
// the decision's history: the warning changed, the reprimand in force naming it; a province
// clerk without the right is refused the register.
'use strict';

const day = (s, n) => {
	const d = new Date(`${s}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
};

module.exports = ({ scenario, assert }) => {
	scenario('complaints: lodged on the form, settled as reduced, the decision\'s history', async (t) => {
		const p = t.page;
		const today = new Date().toISOString().slice(0, 10);
		await t.signIn('admin');
		await t.visit('/orgs/HG/complaints');
		assert.equal(await p.locator('#complaints').count(), 1, 'the register');
		await t.shot('register');
		await t.submit(p.locator('#complaint-add'));
		assert.equal(t.path(), '/orgs/HG/complaints/new');
		const options = await p.locator('#f-discipline_id option').evaluateAll(
			(os) => os.map((o) => ({ value: o.value, label: o.textContent })));
		const warnings = options.filter((o) => / warning, /.test(o.label));
		assert.ok(warnings.length > 0, 'the province has warnings in force to complain against');

		// Refused: lodged after today. The problem beside its field, the values kept.
		await p.selectOption('#f-discipline_id', warnings[0].value);
		await p.fill('#f-from', 'Đảng viên bị kỷ luật');
		await p.fill('#f-lodged_on', day(today, 5));
		await p.fill('#f-content', 'Đề nghị xem xét giảm hình thức kỷ luật');
		await t.submit(p.locator('#submit'));
		assert.ok((await t.text('#e-lodged_on')).length > 0, 'the problem beside the date');
		assert.equal(await p.inputValue('#f-from'), 'Đảng viên bị kỷ luật', 'the values kept');
		await t.shot('refused');

		let complaint = null;
		let lodged = null;
		for (const w of warnings.slice(0, 8)) {
			const decided = (w.label.match(/(\d{4}-\d{2}-\d{2})/) || [])[1];
			lodged = day(decided, 3) < today ? day(decided, 3) : today;
			await p.selectOption('#f-discipline_id', w.value);
			await p.fill('#f-lodged_on', lodged);
			await p.fill('#f-content', 'Đề nghị xem xét giảm hình thức kỷ luật');
			await t.submit(p.locator('#submit'));
			if (await p.locator('#next').count())
				await t.submit(p.locator('#next')); // saved, with a warning: no notice date
			if (/^\/complaints\/[0-9]+$/.test(t.path())) {
				complaint = t.path();
				break;
			}
		}
		assert.ok(complaint, 'a complaint lodged on the form');
		// The decision (and, when it was itself a change on an earlier complaint, the ones before
		// it), the last in force.
		const n0 = await p.locator('#decision-history tbody tr').count();
		assert.ok(n0 >= 1, 'the decision\'s history');
		assert.match(await p.locator('#decision-history tbody tr td.state').last().textContent(),
			/đang hiệu lực|in force/);
		await t.shot('lodged');

		const settled = day(lodged, 10) < today ? day(lodged, 10) : today;
		await p.selectOption('#f-outcome', 'reduced');
		await p.selectOption('#f-form', 'reprimand');
		await p.fill('#f-settled_on', settled);
		await p.fill('#f-decision_no', '15-QĐ/ĐU');
		await p.fill('#f-settlement', 'Giảm xuống khiển trách');
		await t.submit(p.locator('#settle'));
		assert.equal(t.path(), complaint, 'back to the complaint');
		assert.match(await t.text('#complaint-state'), /đã giải quyết|settled/);
		assert.match(await t.text('#complaint-outcome'), /giảm|reduced/);
		const rows = p.locator('#decision-history tbody tr');
		assert.equal(await rows.count(), n0 + 1, 'the old decision and the new one');
		assert.match(await rows.nth(n0 - 1).locator('td.state').textContent(), /đã thay đổi|changed/);
		assert.match(await rows.nth(n0).locator('td.state').textContent(), /đang hiệu lực|in force/);
		assert.match(await rows.nth(n0).textContent(), /15-QĐ\/ĐU/);
		assert.equal(await p.locator('#settle-form').count(), 0, 'settled: no form left');
		await t.shot('settled');

		await t.submit(p.locator('form.out button'));
		await t.signIn('clerk.hg');
		const resp = await t.visit('/orgs/HG/complaints');
		assert.equal(resp.status(), 403, 'no register without the inspection right');
	});
};
