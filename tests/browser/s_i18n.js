// s_i18n.js - Vietnamese pages in Vietnamese (issue 10): a form's errors made in src/core in
// Vietnamese, numbers and dates as Vietnamese writes them, the audit log's actions and actors
// in words, English pages keeping ISO dates, and a problem type explained.
'use strict';

module.exports = ({ scenario, assert }) => {
	scenario('vietnamese: form errors, numbers, dates, audit words; English keeps ISO', async (t) => {
		const p = t.page;
		await t.signIn('clerk.hg');
		assert.equal(await t.lang(), 'vi');

		// The errors of the member form come from src/core: in Vietnamese, not English.
		await t.visit('/orgs/HG-DV-CQ/members/new');
		await p.fill('#f-full_name', 'Lò Văn Thử');
		await p.selectOption('#f-sex', 'male');
		await p.fill('#f-birth_date', '1995-04-02');
		await p.fill('#f-ethnicity', 'Thái');
		await p.fill('#f-hometown', 'Mường Tè, Lai Châu');
		await p.fill('#f-phone', '09x12');
		await p.fill('#f-admission_decision_date', '2026-03-02');
		await p.fill('#f-admission_ceremony_date', '2026-03-16');
		await p.selectOption('#f-status', 'probationary');
		await t.submit(p.locator('#member-form #submit'));
		assert.match(await t.text('span.err#e-phone'), /số điện thoại gồm 8-15 chữ số/);
		assert.doesNotMatch(await p.content(), /phone number is 8-15 digits/);
		await t.shot('form-error-vi');

		// The organisation's figures grouped by dots (Hà Giang has thousands of members).
		await t.visit('/orgs/HG');
		const figures = await p.locator('main').textContent();
		assert.match(figures, /(?<![\d.])\d{1,3}\.\d{3}(?![\d.])/, 'a count of thousands written 3.598');
		await t.shot('org-numbers-vi');

		// A member's record: dates as 06/12/2026.
		await t.visit('/search?q=nguyen');
		await t.submit(p.locator('a[href^="/members/"]').first());
		const record = await p.locator('main').textContent();
		assert.match(record, /\b\d{2}\/\d{2}\/\d{4}\b/, 'dates written DD/MM/YYYY');
		assert.doesNotMatch(record, /\b(19|20)\d{2}-\d{2}-\d{2}\b/, 'no ISO date on a Vietnamese page');
		await t.shot('member-dates-vi');

		// The same record in English keeps ISO dates.
		await t.submit(p.locator('form.lang button'));
		assert.equal(await t.lang(), 'en');
		assert.match(await p.locator('main').textContent(), /\b(19|20)\d{2}-\d{2}-\d{2}\b/);
		await t.submit(p.locator('form.lang button'));
		assert.equal(await t.lang(), 'vi');

		// The audit log: the action opening a record in words, times in Vietnam's zone.
		await t.visit('/audit');
		const audit = await p.locator('main').textContent();
		assert.match(audit, /Mở hồ sơ đảng viên/);
		assert.doesNotMatch(audit, /member\.read/);
		assert.match(audit, /Asia\/Ho_Chi_Minh/);
		assert.match(audit, /\d{2}:\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
		await t.shot('audit-words-vi');

		// A problem type of the API is a page that explains it.
		await t.visit('/api/v1/problems/unsupported-media-type');
		assert.match(await t.text('h1'), /Kiểu dữ liệu không được hỗ trợ/);
		await t.shot('problem-type-vi');
	});
};
