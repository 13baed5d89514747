// s_flow14.js - one case of the inspection work from end to end (issue 14, docs/inspection.md):
// the region's inspection committee account (kiemtra.demo, a clerk with the inspection right)
// opens a case on signs of violation against a member of a company cell, concludes it
// violation_discipline proposing a warning and notifies it; the province's inspection committee
// decides the warning on the discipline form, naming the case; the member complains within the
// rule's days and the province committee settles it as reduced to a reprimand. The case page lists
// the decision, the complaint page shows the decision's history (the warning changed, the
// reprimand in force naming it), and the member's record shows the reprimand in force.
'use strict';

const INSPECTION = { name: 'kiemtra.demo', password: 'uykiemtra-2026' };

module.exports = ({ scenario, assert }) => {
	scenario('inspection to settlement: a case on signs of violation, discipline, complaint, settled', async (t) => {
		const p = t.page;
		const day = (n) => new Date(Date.now() - n * 86400000).toISOString().slice(0, 10);
		await t.visit('/login');
		await p.fill('#f-name', INSPECTION.name);
		await p.fill('#f-password', INSPECTION.password);
		await t.submit(p.locator('form.login button'));
		assert.notEqual(t.path(), '/login', 'the inspection account signs in');

		// A member of a company cell of the province.
		await t.visit('/orgs/HG-CQ-TM');
		const links = p.locator('a[href^="/members/"]');
		assert.ok(await links.count() > 2, 'members of HG-CQ-TM');
		const member = await links.nth(1).getAttribute('href');
		const id = member.split('/')[2];

		// The case, on signs of violation, outside the programme.
		await t.visit('/orgs/HG/inspection/cases/new');
		await p.fill('#f-org', '');
		await p.fill('#f-member_id', id);
		await p.fill('#f-body_org', 'HG');
		await p.selectOption('#f-body', 'inspection');
		await p.selectOption('#f-kind', 'signs');
		await p.fill('#f-decision_no', '951-QĐ/UBKT');
		await p.fill('#f-decision_on', day(40));
		await p.fill('#f-team', 'Tổ kiểm tra của Ủy ban Kiểm tra Đảng ủy tỉnh');
		await p.fill('#f-from', day(39));
		await p.fill('#f-to', day(30));
		await p.fill('#f-content', 'Kiểm tra khi có dấu hiệu vi phạm trong chấp hành chế độ sinh hoạt');
		await t.submit(p.locator('#submit'));
		assert.match(t.path(), /^\/inspection\/cases\/[0-9]+$/, 'the case opened');
		const kase = t.path();
		const caseId = kase.split('/')[3];
		await p.fill('#f-on', day(28));
		await p.selectOption('#f-conclusion', 'violation_discipline');
		await p.selectOption('#f-proposal', 'warning');
		await p.fill('#f-findings', 'Nhiều lần vắng sinh hoạt chi bộ không có lý do');
		await p.fill('#f-doc_no', '952-KL/UBKT');
		await t.submit(p.locator('#submit'));
		assert.match(await t.text('#case-conclusion'), /vi phạm đến mức phải xem xét kỷ luật/);
		await p.fill('#f-on', day(27));
		await p.fill('#f-doc_no', '953-TB/UBKT');
		await t.submit(p.locator('#submit'));
		assert.match(await t.text('#case-state'), /đã thông báo/);
		await t.shot('case');

		// The warning, decided by the province's inspection committee on the case.
		await t.visit(member);
		await t.submit(p.locator('#discipline'));
		assert.equal(await p.inputValue('#f-member_id'), id, 'the member filled in');
		await p.selectOption('#f-form', 'warning');
		await p.fill('#f-body', 'HG');
		await p.check('#f-inspection');
		await p.fill('#f-date', day(25));
		await p.fill('#f-decision_no', '954-QĐ/UBKT');
		await p.fill('#f-act_date', day(60));
		await p.fill('#f-case_id', caseId);
		await p.fill('#f-notified_on', day(24));
		await p.fill('#f-reason', 'Vi phạm chế độ sinh hoạt đảng theo kết luận 952-KL/UBKT');
		await t.submit(p.locator('#submit'));
		assert.match(t.path(), /^\/discipline\/[0-9]+$/, 'the decision recorded');
		const decision = t.path().split('/')[2];
		assert.ok((await t.text('#r-decision')).includes('954-QĐ/UBKT'));
		await t.visit(kase);
		assert.ok((await t.text('#case-discipline')).includes('954-QĐ/UBKT'), 'the case lists its decision');
		await t.shot('decision');

		// The complaint, within R-COMPLAINT-DAYS of the notice, to the province committee.
		await t.visit('/orgs/HG/complaints/new');
		await p.selectOption('#f-discipline_id', decision);
		await p.fill('#f-from', 'Đảng viên bị kỷ luật');
		await p.fill('#f-lodged_on', day(20));
		await p.fill('#f-content', 'Đề nghị xem xét giảm hình thức kỷ luật');
		await t.submit(p.locator('#submit'));
		if (await p.locator('#next').count())
			await t.submit(p.locator('#next'));
		assert.match(t.path(), /^\/complaints\/[0-9]+$/, 'the complaint lodged');
		const complaint = t.path();
		assert.equal(await p.locator('#decision-history tbody tr').count(), 1, 'the decision in force');

		await p.selectOption('#f-outcome', 'reduced');
		await p.selectOption('#f-form', 'reprimand');
		await p.fill('#f-settled_on', day(5));
		await p.fill('#f-decision_no', '955-QĐ/TU');
		await p.fill('#f-settlement', 'Giảm xuống khiển trách');
		await t.submit(p.locator('#settle'));
		assert.equal(t.path(), complaint, 'back to the complaint');
		assert.match(await t.text('#complaint-state'), /đã giải quyết|settled/);
		const rows = p.locator('#decision-history tbody tr');
		assert.equal(await rows.count(), 2, 'the warning and the reprimand');
		assert.match(await rows.nth(0).locator('td.state').textContent(), /đã thay đổi|changed/);
		assert.match(await rows.nth(1).locator('td.state').textContent(), /đang hiệu lực|in force/);
		assert.match(await rows.nth(1).textContent(), /955-QĐ\/TU/);
		await t.shot('settled');

		await t.visit(member);
		const seen = await t.text('#member-discipline');
		assert.ok(/Khiển trách|Reprimand/.test(seen), 'the reprimand in force on the record');
	});
};
