// s_mweb.js - meetings in the browser (issue 12), at phone size: a province clerk opens a
// cell's meetings from the organisation's page, records a monthly meeting on the form (a
// meeting too short refused beside its field first: R-MEETING-MINUTES), records the
// attendance of every member on the roll (one excused with a reason, one absent), sees the
// counts and the count used for a resolution on the meeting's page, and opens the minutes to
// print (the Vietnamese layout, fitting the phone's width).
'use strict';

// The agency cell of a district's military command in the clerk's province (as s_admission.js).
const CELL = 'HG-DV-CQ';

module.exports = ({ scenario, assert }) => {
	scenario('meetings: a clerk records a meeting and its attendance on a phone, then opens the minutes', async (t) => {
		const p = t.page;
		await p.setViewportSize({ width: 390, height: 844 });
		await t.signIn('clerk.hg');
		await t.visit(`/orgs/${CELL}`);
		await t.submit(p.locator('#meetings'));
		assert.equal(t.path(), `/orgs/${CELL}/meetings`);
		await t.submit(p.locator('#add-meeting'));
		assert.equal(t.path(), `/orgs/${CELL}/meetings/new`);
		const today = await p.inputValue('#f-date');
		assert.match(today, /^\d{4}-\d{2}-\d{2}$/, 'the date defaults to today');
		await p.fill('#f-starts', '07:30');
		await p.fill('#f-ends', '08:30');
		await p.selectOption('#f-kind', 'monthly');
		await p.fill('#f-topic', 'Sinh hoạt thường kỳ (thử)');
		await t.submit(p.locator('#submit'));
		assert.match(await p.content(), /R-MEETING-MINUTES/, 'an hour is too short');
		assert.equal(await p.inputValue('#f-topic'), 'Sinh hoạt thường kỳ (thử)', 'the topic kept');
		await t.shot('meeting-refused');
		await p.fill('#f-ends', '09:30');
		const chair = p.locator('#f-chair_id option').nth(1);
		if (await chair.count())
			await p.selectOption('#f-chair_id', await chair.getAttribute('value'));
		await t.submit(p.locator('#submit'));
		assert.match(t.path(), /^\/meetings\/\d+\/attendance$/, 'on to the attendance');
		const id = t.path().split('/')[2];
		const sets = p.locator('fieldset.att');
		const n = await sets.count();
		assert.ok(n >= 2, `every member of the roll is listed (${n})`);
		await sets.nth(0).locator('input[value="excused"]').check();
		await sets.nth(0).locator('input[type="text"]').fill('Đi công tác');
		await sets.nth(1).locator('input[value="absent"]').check();
		const wide = await p.evaluate(() => document.documentElement.scrollWidth);
		assert.ok(wide <= 390, `the attendance form fits a phone (${wide} px wide)`);
		await t.shot('attendance');
		await t.submit(p.locator('#submit'));
		assert.equal(t.path(), `/meetings/${id}`);
		const counts = await t.text('#counts');
		assert.match(counts, /1/, 'the counts shown');
		const base = Number(await t.text('#quorum-base'));
		assert.ok(base >= 1 && base <= n - 1, `the excused member is outside the count (${base} of ${n})`);
		assert.equal(await p.locator('tr.att-excused').count(), 1);
		assert.equal(await p.locator('tr.att-absent').count(), 1);
		await t.shot('meeting');
		await t.submit(p.locator('#minutes-link'));
		assert.equal(t.path(), `/meetings/${id}/minutes`);
		assert.equal(await t.text('h1'), 'BIÊN BẢN SINH HOẠT CHI BỘ');
		assert.match(await p.content(), /ĐẢNG CỘNG SẢN VIỆT NAM/);
		assert.match(await t.text('#att-excused'), /Đi công tác/, 'the excused member with the reason');
		assert.match(await t.text('#end'), /09:30/, 'the time it ended');
		const mw = await p.evaluate(() => document.documentElement.scrollWidth);
		assert.ok(mw <= 390, `the minutes fit a phone (${mw} px wide)`);
		await t.shot('minutes');
	});
};
