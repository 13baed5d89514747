// s_plan.js - planning in the browser (issue 13, docs/cadres.md "Planning"): the
// administrator appoints a cadre to a vacant commander's post and sees it leave the vacancy
// report, rotates him to another vacant post (that one leaves, the first comes back), then
// plans again the ready successor the demo's 2026 review took out of the region's plan, for a
// vacant post of the same kind, and sees the vacancy report count him as a ready successor.
'use strict';

module.exports = ({ scenario, assert }) => {
	scenario('plan: appoint, rotate, plan a successor; the vacancy report follows', async (t) => {
		const p = t.page;
		await t.signIn('admin');

		// the ready successor of version 1 that version 2 no longer has
		const ready = async (q) => {
			await t.visit(`/orgs/QK2/plan?period=2025-2030${q}`);
			return p.locator('section.plan-position').evaluateAll((ss) => ss.flatMap((s) =>
				[...s.querySelectorAll('tr.candidate')].map((tr) => ({
					member: tr.getAttribute('data-member'),
					kind: s.getAttribute('data-kind'),
					org: s.getAttribute('data-org'),
					ready: !tr.querySelector('.failed'),
				}))));
		};
		const v1 = await ready('&version=1');
		const v2 = await ready('');
		assert.ok(v2.some((c) => !c.ready), 'candidates not meeting a criterion are shown');
		assert.ok(await p.locator('.err.failed').count() > 0, 'the criteria not met in red');
		await t.shot('plan');
		const out = v1.find((c) => c.ready && !v2.some((x) => x.member === c.member));
		assert.ok(out, 'the review of 2026 took a ready successor out');

		const vacancies = async () => {
			await t.visit('/orgs/QK2/vacancies');
			return p.locator('#vacancy-list tbody tr[data-what="position"]').evaluateAll((trs) =>
				trs.map((tr) => ({
					org: tr.getAttribute('data-org'),
					kind: tr.getAttribute('data-kind'),
					successors: (tr.querySelector('td.successors') || {}).textContent || '',
				})));
		};
		let rows = await vacancies();
		const commanders = rows.filter((r) => r.kind === 'commander');
		assert.ok(commanders.length >= 2, 'vacant commanders\' posts');
		const has = (rs, org, kind) => rs.some((r) => r.org === org && r.kind === kind);

		// appoint a member of A's roll to A's commander's post (the first vacant post that
		// takes him: one whose holder left the rolls waits for a decision ending it)
		let a = null;
		let b = null;
		let member = null;
		for (const c of commanders.slice(0, 6)) {
			await t.visit(`/orgs/${c.org}`);
			const link = p.locator('a[href^="/members/"]');
			if (await link.count() === 0)
				continue;
			member = (await link.first().getAttribute('href')).split('/')[2];
			await t.visit(`/orgs/${c.org}/cadres/event`);
			await p.selectOption('#f-action', 'appoint');
			await p.fill('#f-member', member);
			await p.fill('#f-position', 'commander');
			await p.fill('#f-decision', '88/QĐ-BTL');
			await p.fill('#f-decided_on', '2026-11-02');
			await p.fill('#f-body', 'QD');
			await p.fill('#f-on', '2026-11-03');
			await t.submit(p.locator('#submit'));
			if (t.path() === `/orgs/${c.org}/cadres`) {
				a = c;
				break;
			}
		}
		assert.ok(a, 'a cadre appointed to a vacant commander\'s post');
		b = commanders.find((c) => c.org !== a.org);
		rows = await vacancies();
		assert.ok(!has(rows, a.org, 'commander'), 'the post filled leaves the report');
		await t.shot('appointed');

		// rotate him to B's commander's post
		await t.visit(`/orgs/${a.org}/cadres/event`);
		await p.selectOption('#f-action', 'rotate');
		await p.fill('#f-member', member);
		await p.fill('#f-position', 'commander');
		await p.fill('#f-to', `${b.org}:commander`);
		await p.fill('#f-decision', '89/QĐ-BTL');
		await p.fill('#f-decided_on', '2026-11-20');
		await p.fill('#f-body', 'QD');
		await p.fill('#f-on', '');
		await t.submit(p.locator('#submit'));
		assert.equal(t.path(), `/orgs/${a.org}/cadres`, 'rotated');
		rows = await vacancies();
		assert.ok(!has(rows, b.org, 'commander'), 'the post he went to leaves the report');
		assert.ok(has(rows, a.org, 'commander'), 'the post he left is vacant again');

		// the post he was planned for, vacant: its holder dismissed when it is held
		if (!has(rows, out.org, out.kind)) {
			await t.visit(`/orgs/${out.org}/cadres`);
			const holder = await p.evaluate((kind) => {
				const label = kind === 'secretary' ? /^(Bí thư|Secretary)/ : kind === 'commander'
					? /^(Chỉ huy trưởng|Commander)/ : /^(Chính ủy|Political commissar)/;
				for (const h of document.querySelectorAll('h3[id^="position-"]')) {
					if (!label.test(h.textContent.trim()))
						continue;
					for (const tr of h.nextElementSibling.querySelectorAll('tbody tr')) {
						const tds = tr.querySelectorAll('td');
						const a = tr.querySelector('a[href^="/members/"]');
						if (a && tds.length > 2 && tds[2].textContent.trim() === '')
							return a.getAttribute('href').split('/')[2];
					}
				}
				return null;
			}, out.kind);
			assert.ok(holder, `the holder of ${out.org}'s ${out.kind}`);
			await t.visit(`/orgs/${out.org}/cadres/event`);
			await p.selectOption('#f-action', 'dismiss');
			await p.fill('#f-member', holder);
			await p.fill('#f-position', out.kind);
			await p.fill('#f-decision', '90/QĐ-BTL');
			await p.fill('#f-decided_on', '2026-11-25');
			await p.fill('#f-body', 'QD');
			await p.fill('#f-reason', 'Nghỉ hưu');
			await t.submit(p.locator('#submit'));
			assert.equal(t.path(), `/orgs/${out.org}/cadres`, 'dismissed');
			rows = await vacancies();
		}
		const target = rows.find((r) => r.org === out.org && r.kind === out.kind);
		assert.ok(target, `${out.org}'s ${out.kind}'s post vacant`);
		const before = target.successors;
		await t.visit('/orgs/QK2/plan?period=2025-2030');
		await p.fill('#f-add_position', `${target.org}:${out.kind}`);
		await p.fill('#f-add_member', out.member);
		await p.fill('#f-add_reason', 'Bổ sung lại: đủ tiêu chuẩn');
		await t.submit(p.locator('#plan-add button'));
		assert.equal(t.path(), '/orgs/QK2/plan', 'planned');
		rows = await vacancies();
		const after = rows.find((r) => r.org === target.org && r.kind === out.kind);
		assert.ok(after, 'the post is still vacant');
		const m = after.successors.match(/^\s*([0-9]+)\s*\(([0-9]+)/);
		assert.ok(m, `successors shown: "${after.successors}" (before: "${before}")`);
		assert.ok(Number(m[2]) >= 1, `a successor appears as ready: "${after.successors}"`);
		await t.shot('vacancies');
	});
};
