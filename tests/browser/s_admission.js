// s_admission.js - admissions in the browser (issue 11): a person taken from candidate to
// official member through the pages alone, by a province clerk: added on the form, then each
// step on the record's form, with a refused form (the error beside its field) and a failed
// vote of the cell on the way; the board and the record checked after every step, the
// overdue marks (a word, not colour alone) where a deadline has passed, the worklist's
// counts, and the member's record at the end (official from the end of probation).
//
// Deadlines depend on the day: this scenario runs a server of its own on a copy of the
// demo database with CADRE_TODAY fixed, so that every deadline below is the same on any day
// the suite runs (the shared server keeps the real date for the other scenarios).
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TODAY = '2026-11-23';
// The agency cell of a district's military command (a grassroots organisation) in the
// province the clerk keeps: the committee above the grassroots organisation is the province.
const CELL = 'HG-DV-CQ';
const GRASSROOTS = 'HG-DV';

function freePort() {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.on('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
}

// A server on a copy of the suite's database (sqlite3's backup: consistent while the
// shared server runs), today being TODAY; stop() ends it.
async function startServer() {
	const db = path.join(process.env.WORK, 'admission.db');
	execFileSync('sqlite3', [process.env.CADRE_DB, `.backup '${db}'`]);
	for (let attempt = 0; attempt < 3; attempt++) {
		const port = await freePort();
		const child = spawn(process.env.CADRE_BINARY,
			['--db', db, 'serve', '--listen', `127.0.0.1:${port}`],
			{
				env: {
					...process.env,
					CADRE_TODAY: TODAY,
					// The audit log's key stays the copied database's (it lies beside the
					// original, docs/audit.md).
					CADRE_AUDIT_KEY_FILE: process.env.CADRE_AUDIT_KEY_FILE ||
						`${process.env.CADRE_DB}.auditkey`,
				},
				stdio: 'ignore',
			});
		let exited = false;
		child.on('exit', () => { exited = true; });
		const url = `http://127.0.0.1:${port}`;
		for (let i = 0; i < 100 && !exited; i++) {
			try {
				const r = await fetch(`${url}/login`);
				if (r.status === 200)
					return { url, stop: () => child.kill('SIGTERM') };
			} catch (_) { /* not listening yet */ }
			await new Promise((res) => setTimeout(res, 100));
		}
		child.kill('SIGTERM');
	}
	throw new Error('the scenario\'s own server did not start');
}

module.exports = ({ scenario, assert, ACCOUNTS }) => {
	scenario('admission: a candidate to an official member on the pages, a failed cell vote on the way', async (t) => {
		const srv = await startServer();
		try {
			const p = t.page;
			const go = (u) => p.goto(srv.url + u);
			const here = () => { const u = new globalThis.URL(p.url()); return u.pathname + u.search; };

			await go('/login');
			await p.fill('#f-name', 'clerk.hg');
			await p.fill('#f-password', ACCOUNTS['clerk.hg']);
			await t.submit(p.locator('form.login button'));
			assert.equal(await t.lang(), 'vi');

			// The worklist before: the counts of the four admission items.
			const wl = async () => {
				await go('/');
				const v = {};
				for (const id of ['adm_ceremony_late', 'adm_recognition_due',
					'adm_recognition_late', 'adm_upper_awaited'])
					v[id] = Number(await t.text(`#wl-${id} .count`));
				return v;
			};
			const wl0 = await wl();
			assert.match(await p.getAttribute('#wl-adm_ceremony_late a', 'href'),
				/^\/admissions\/due\?org=HG&kind=ceremony_overdue$/);

			// From the cell's page to its board, and the form adding a candidate.
			await go(`/orgs/${CELL}`);
			await t.submit(p.locator('a#admissions'));
			assert.equal(here(), `/admissions?org=${CELL}`);
			const before = Number(await t.text('#count-candidate'));
			await t.shot('board-before');
			await t.submit(p.locator('a#add-candidate'));
			assert.equal(here(), `/admissions/new?org=${CELL}`);
			// Sent without a name (past the browser's own check, as an old browser would):
			// refused by the server, the error beside the field, the rest kept.
			await p.$eval('#adm-new', (f) => { f.noValidate = true; });
			await p.selectOption('#f-sex', 'male');
			await p.fill('#f-birth_date', '1998-04-12');
			await p.fill('#f-ethnicity', 'Tày');
			await p.fill('#f-hometown', 'Hà Giang');
			await p.selectOption('#f-source', 'soldier');
			await p.fill('#f-listed_on', '2024-06-03');
			await t.submit(p.locator('#submit'));
			assert.ok(await p.locator('.field.bad #f-full_name').count(), 'the name field is marked');
			assert.ok((await t.text('#e-full_name')).length > 0, 'its error is beside it');
			assert.equal(await p.inputValue('#f-hometown'), 'Hà Giang', 'what was typed is kept');
			await t.shot('new-refused');
			await p.fill('#f-full_name', 'Ma Văn Thành');
			await t.submit(p.locator('#submit'));
			const m = /^\/admissions\/(\d+)$/.exec(t.path());
			assert.ok(m, `the new case's record (${p.url()})`);
			const id = m[1];
			assert.match(await t.text('#flash'), /Đã thêm/);
			assert.equal(await t.text('#stage'), 'Quần chúng ưu tú');
			await t.shot('new-record');

			// The board of the grassroots organisation: the case in the column of its stage.
			const onBoard = async (stage, overdue) => {
				await go(`/admissions?org=${GRASSROOTS}`);
				const li = p.locator(`#stage-${stage} li#case-${id}`);
				assert.equal(await li.count(), 1, `the case is in the column ${stage}`);
				const cls = await li.getAttribute('class');
				if (overdue) {
					assert.match(cls, /overdue/, 'marked overdue');
					assert.equal(await li.locator('.flag').textContent(), 'Quá hạn',
						'overdue said in words');
				} else {
					assert.doesNotMatch(cls, /overdue/);
				}
				assert.ok(Number(await t.text(`#count-${stage}`)) >= 1);
			};
			await onBoard('candidate', false);
			await go(`/admissions?org=${CELL}`);
			assert.equal(Number(await t.text('#count-candidate')), before + 1, 'the count went up');

			// A step: the record's form (the next step's, or ?step=), the fields, sent.
			const record = () => go(`/admissions/${id}`);
			const fill = async (fields) => {
				for (const [name, value] of Object.entries(fields)) {
					const el = p.locator(`#f-${name}`);
					if (await el.evaluate((e) => e.tagName) === 'SELECT') {
						if (typeof value === 'number') {
							const v = await el.locator('option').nth(value).getAttribute('value');
							await el.selectOption(v);
						} else {
							await el.selectOption(value);
						}
					} else {
						await el.fill(value);
					}
				}
			};
			const step = async (name, fields, stage, warning) => {
				await record();
				assert.equal(await p.inputValue('#adm-step input[name=step]'), name,
					`the record offers the form of ${name}`);
				await fill(fields);
				await t.submit(p.locator('#submit'));
				if (warning) {
					// Saved, with the rule that was not kept named on a page of its own.
					assert.match(await t.text('.warnings'), warning);
					await t.shot(`${name}-warning`);
					await t.submit(p.locator('a#next'));
				}
				assert.equal(t.path(), `/admissions/${id}`, `${name} recorded`);
				assert.equal(await p.locator('#error-summary').count(), 0, `${name}: no error`);
				assert.ok(await p.locator(`#timeline tr.step-${name}`).count() >= 1,
					`the timeline shows ${name}`);
				if (stage)
					assert.equal(await t.text('#stage'), stage);
			};

			await step('class', { date: '2024-09-20', course: 'Lớp 3/2024', from: '2024-09-16',
				certificate: 'GCN 112', result: 'passed' }, 'Đã học lớp bồi dưỡng nhận thức về Đảng');
			await onBoard('class', false);
			await step('application', { date: '2025-01-10', introducer1: 1, since1: '2023-01-02',
				introducer2: 2, since2: '2023-03-01' }, 'Đã có đơn xin vào Đảng');
			await onBoard('applied', false);
			await step('verification', { date: '2025-02-14', verifier: 'Ban Tổ chức',
				conclusion: 'Lý lịch rõ ràng', result: 'passed' }, 'Đã thẩm tra lý lịch');
			await onBoard('verified', false);
			await t.shot('verified');
			// The pages at a desk and on a phone (the board's stages then sections one under
			// another): no sideways scrolling, no serious or critical finding of axe-core.
			const wrong = [];
			for (const size of [{ width: 1366, height: 900 }, { width: 360, height: 780 }]) {
				await p.setViewportSize(size);
				for (const u of [`/admissions?org=${GRASSROOTS}`, `/admissions/${id}`,
					`/admissions/${id}?step=withdrawal`, `/admissions/due?org=${GRASSROOTS}`,
					`/admissions/new?org=${CELL}`]) {
					await go(u);
					const wide = await p.evaluate(() => document.documentElement.scrollWidth);
					if (wide > size.width)
						wrong.push(`${u} is ${wide} px wide on a ${size.width} px screen`);
					await p.evaluate(AXE);
					const res = await p.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
					for (const v of res.violations)
						if (v.impact === 'serious' || v.impact === 'critical')
							wrong.push(`${u} (${size.width}): axe ${v.impact} ${v.id}: ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
				}
			}
			assert.deepEqual(wrong, [], 'the admission pages fit and pass axe');
			await p.setViewportSize({ width: 1280, height: 800 });

			// The cell's vote: more votes than present is refused beside the field, nothing
			// written; a vote short of two thirds fails and the case stays; then it passes.
			await record();
			const eligibleToday = Number(await t.text('#eligible'));
			assert.ok(eligibleToday > 0, 'the official members of the cell are shown');
			await fill({ date: '2025-03-10', present: '1', for: '2', against: '0' });
			await t.submit(p.locator('#submit'));
			assert.ok(await p.locator('.field.bad #f-for').count(), 'the votes field is marked');
			assert.ok((await t.text('#e-for')).length > 0, 'the error beside it');
			assert.equal(await p.inputValue('#f-present'), '1', 'the values are kept');
			assert.equal(await p.locator('#timeline tr.step-cell_vote').count(), 0, 'nothing written');
			await t.shot('vote-refused');
			await step('cell_vote', { date: '2025-03-10', present: '1', for: '0', against: '1' },
				'Đã thẩm tra lý lịch');
			const failed = p.locator('#timeline tr.step-cell_vote').first();
			assert.match(await failed.textContent(), /Không đạt/);
			const eligible = Number(await failed.getAttribute('data-eligible'));
			assert.ok(eligible > 0, 'the eligible is computed');
			await onBoard('verified', false);
			await t.shot('vote-failed');
			await step('cell_vote', { date: '2025-03-10', present: String(eligible),
				for: String(eligible), against: '0' }, 'Chi bộ đã xét, đề nghị kết nạp');
			assert.match(await p.locator('#timeline tr.step-cell_vote').nth(1).textContent(), /Đạt/);
			await onBoard('cell_passed', false);

			await step('committee_vote', { date: '2025-03-28', members: '5', present: '5', for: '5',
				against: '0' }, 'Đảng ủy cơ sở đã xét, đề nghị');
			await onBoard('committee_passed', false);
			const wl1 = await wl();
			assert.equal(wl1.adm_upper_awaited, wl0.adm_upper_awaited + 1,
				'the worklist counts the case awaiting the committee above');

			// The decision of the committee above (the province); the ceremony is then due
			// within 30 working days: long past on TODAY, so the board marks it overdue.
			await record();
			assert.equal(await p.inputValue('#f-body'), 'HG', 'the committee above by default');
			await step('decision', { date: '2025-04-21', number: '215-QĐ/ĐU', result: 'passed' },
				'Đã có quyết định kết nạp');
			assert.match(await t.text('#case .due'), /Quá hạn/);
			await onBoard('decided', true);
			await t.shot('board-ceremony-overdue');
			const wl2 = await wl();
			assert.equal(wl2.adm_ceremony_late, wl0.adm_ceremony_late + 1);
			assert.equal(wl2.adm_upper_awaited, wl0.adm_upper_awaited);
			await t.submit(p.locator('#wl-adm_ceremony_late a'));
			assert.equal(await p.locator(`#due tr#due-${id}.overdue`).count(), 1,
				'the due list, filtered, holds the case marked overdue');
			await t.shot('due-ceremony');

			// The ceremony (on time: within 30 working days of the decision), with a mentor:
			// a probationary member; the recognition vote's deadline has passed by TODAY.
			await step('ceremony', { date: '2025-05-19', mentor: 1 }, 'Đảng viên dự bị');
			const member = /\/members\/(\d+)/.exec(await p.getAttribute('#case a[href^="/members/"]', 'href'))[1];
			await onBoard('probation', true);
			const wl3 = await wl();
			assert.equal(wl3.adm_recognition_late, wl0.adm_recognition_late + 1);
			assert.equal(wl3.adm_ceremony_late, wl0.adm_ceremony_late);
			await go(`/members/${member}`);
			assert.match(await t.text('#status'), /Dự bị/i);
			await t.shot('member-probationary');

			// The recognition vote passes: official from the end of probation (12 months
			// after the ceremony), though the vote is late; the case closes.
			await step('recognition_vote', { date: '2026-11-20', present: String(eligible),
				for: String(eligible), against: '0' }, 'Công nhận đảng viên chính thức',
				/R-PROBATION-VOTE-WORKING-DAYS/);
			assert.equal(await p.locator('#adm-step').count(), 0, 'no form on a closed case');
			await t.shot('record-official');
			await go(`/admissions?org=${GRASSROOTS}`);
			assert.equal(await p.locator(`li#case-${id}`).count(), 0, 'off the board of open cases');
			await go(`/admissions?org=${GRASSROOTS}&stage=official`);
			assert.equal(await p.locator(`#stage-official li#case-${id}`).count(), 1,
				'among the closed cases recognised');
			await go(`/members/${member}`);
			assert.match(await t.text('#status'), /Chính thức/i);
			assert.match(await t.text('#record'), /19\/05\/2026/, 'official from the end of probation');
			await t.shot('member-official');

			await go(`/admissions?org=${GRASSROOTS}`);
			await t.shot('board-phone');
		} finally {
			srv.stop();
		}
	});
};
