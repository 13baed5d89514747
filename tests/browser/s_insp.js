// s_insp.js - inspection and supervision in the browser (issue 14, docs/inspection.md): the
// region's inspection committee account (kiemtra.demo, with the inspection right) opens the
// inspection page of a province, opens a case on signs of violation outside the programme on
// the form (a refused form first: the error beside its field, the values kept), concludes it
// violation_discipline with the proposed form, notifies it, and reads its history; a province
// clerk without the right has no link and is refused the page.
'use strict';

const INSPECTION = { name: 'kiemtra.demo', password: 'uykiemtra-2026' };

module.exports = ({ scenario, assert }) => {
	scenario('inspection: a case on signs of violation opened, concluded, notified; refused without the right', async (t) => {
		const p = t.page;
		await t.visit('/login');
		await p.fill('#f-name', INSPECTION.name);
		await p.fill('#f-password', INSPECTION.password);
		await t.submit(p.locator('form.login button'));
		assert.notEqual(t.path(), '/login', 'the inspection account signs in');

		await t.visit('/orgs/HG');
		await t.submit(p.locator('#inspection'));
		assert.equal(t.path(), '/orgs/HG/inspection');
		assert.ok(await p.locator('#programme-list tbody tr').count() > 0, 'the programmes since 2020');
		assert.ok(await p.locator('#case-list tbody tr').count() > 0, 'the cases');
		await t.shot('org');

		await t.submit(p.locator('#case-new'));
		assert.equal(t.path(), '/orgs/HG/inspection/cases/new');
		assert.equal(await p.inputValue('#f-org'), 'HG', 'the organisation as the target');
		await p.fill('#f-body_org', 'QK2');
		await p.selectOption('#f-body', 'inspection');
		await p.selectOption('#f-kind', 'signs');
		await p.fill('#f-decision_no', '901-XX/UBKT');
		await p.fill('#f-decision_on', '2026-09-01');
		await p.fill('#f-team', 'Tổ kiểm tra của Ủy ban Kiểm tra Quân khu');
		await p.fill('#f-from', '2026-09-02');
		await p.fill('#f-to', '2026-09-30');
		await p.fill('#f-content', 'Kiểm tra khi có dấu hiệu vi phạm trong quản lý tài chính');
		await t.submit(p.locator('#submit'));
		assert.match(await t.text('#e-decision_no'), /byte 4|byte 3|byte/);
		assert.equal(await p.inputValue('#f-team'), 'Tổ kiểm tra của Ủy ban Kiểm tra Quân khu', 'the values kept');
		await t.shot('refused');
		await p.fill('#f-decision_no', '901-qđ/ubkt');
		await t.submit(p.locator('#submit'));
		assert.match(t.path(), /^\/inspection\/cases\/[0-9]+$/, 'the case\'s page');
		const kase = t.path();
		assert.ok((await t.text('h1')).includes('901-QĐ/UBKT'), 'the number canonical');
		assert.equal(await p.locator('#case-history tbody tr').count(), 1, 'opened');

		await p.fill('#f-on', '2026-10-05');
		await p.selectOption('#f-conclusion', 'violation_discipline');
		await p.selectOption('#f-proposal', 'warning');
		await p.fill('#f-findings', 'Buông lỏng lãnh đạo công tác quản lý tài chính');
		await p.fill('#f-doc_no', '902-KL/UBKT');
		await t.submit(p.locator('#submit'));
		assert.equal(t.path(), kase);
		assert.match(await t.text('#case-conclusion'), /vi phạm đến mức phải xem xét kỷ luật/);
		assert.match(await t.text('#case-conclusion'), /cảnh cáo/);
		await t.shot('concluded');

		await p.fill('#f-on', '2026-10-10');
		await p.fill('#f-doc_no', '903-TB/UBKT');
		await t.submit(p.locator('#submit'));
		assert.equal(t.path(), kase);
		assert.match(await t.text('#case-state'), /đã thông báo/);
		const history = p.locator('#case-history tbody tr');
		assert.equal(await history.count(), 3, 'opened, concluded, notified');
		assert.ok((await t.text('#case-history')).includes('903-TB/UBKT'));
		assert.ok((await t.text('#case-history')).includes('kiemtra.demo'), 'who recorded each step');
		await t.shot('history');

		await t.submit(p.locator('form.out button'));
		await t.signIn('clerk.hg');
		await t.visit('/orgs/HG');
		assert.equal(await p.locator('#inspection').count(), 0, 'no link without the right');
		const res = await p.goto(new URL(kase, p.url()).toString());
		assert.equal(res.status(), 403, 'the case refused without the right');
		await t.shot('clerk');
	});
};
