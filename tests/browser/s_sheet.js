// s_sheet.js - the cadre's sheet in the browser (issue 13, docs/cadres.md "The cadre's sheet
// and assessment"): the organisation department's demo account (tochuc.demo, with the
// personnel right) follows a holder's sheet link on the region's cadres page, adds the
// cadre's own assessment on the form (refused first: the error beside its field, the values
// kept) and sees it on the sheet; every sheet linked from the page prints on ONE A4 page (a PDF
// of the print layout, its pages counted); a province clerk without the right is not allowed.
'use strict';

const PERSONNEL = { name: 'tochuc.demo', password: 'canbo-tochuc-2026' };

// The pages of a PDF: its page objects (/Type /Page, not /Pages).
function pdfPages(buf) {
	return (buf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
}

module.exports = ({ scenario, assert }) => {
	scenario('sheet: a holder\'s sheet, an own assessment added, one A4 page; not allowed without the right', async (t) => {
		const p = t.page;
		await t.visit('/login');
		await p.fill('#f-name', PERSONNEL.name);
		await p.fill('#f-password', PERSONNEL.password);
		await t.submit(p.locator('form.login button'));
		assert.notEqual(t.path(), '/login', 'the personnel account signs in');

		await t.visit('/orgs/QK2/cadres');
		const links = p.locator('a.sheet-link');
		const n = await links.count();
		assert.ok(n > 0, 'the holders link to their sheets');
		const hrefs = [];
		for (let i = 0; i < n; i++)
			hrefs.push(await links.nth(i).getAttribute('href'));
		await t.submit(links.first());
		assert.match(t.path(), /^\/members\/[0-9]+\/cadre-sheet$/);
		const sheet = t.path();
		assert.equal(await p.locator('#sheet-years-list tbody tr').count(), 5, 'five years');
		assert.ok(await p.locator('#sheet-positions-list tbody tr, #sheet-committees-list li').count() > 0,
			'a post held or a committee seat');
		await t.shot('sheet');

		await t.submit(p.locator('#assessment-add'));
		assert.equal(t.path(), sheet.replace('cadre-sheet', 'assessments/new'));
		await p.fill('#f-year', '2099');
		await p.fill('#f-strengths', 'Nắm chắc địa bàn biên giới');
		await p.fill('#f-self_text', 'Hoàn thành tốt chức trách, nhiệm vụ; lãnh đạo đơn vị giữ vững sẵn sàng chiến đấu.');
		await t.submit(p.locator('#submit'));
		assert.match(await t.text('#e-year'), /1945/, 'the year refused beside its field');
		assert.equal(await p.inputValue('#f-strengths'), 'Nắm chắc địa bàn biên giới', 'the values kept');
		await t.shot('refused');
		await p.fill('#f-year', String(new Date().getFullYear()));
		await p.selectOption('#f-health', '2');
		await t.submit(p.locator('#submit'));
		assert.equal(t.path(), sheet, 'back to the sheet');
		assert.ok((await t.text('#sheet-years-list')).includes('lãnh đạo đơn vị giữ vững'),
			'the own assessment on the sheet');
		await t.shot('assessed');

		// On paper: every sheet of the page on one A4 page.
		for (const h of [...new Set(hrefs)]) {
			await t.visit(h);
			const pdf = await p.pdf({ format: 'A4' });
			assert.equal(pdfPages(pdf), 1, `${h} prints on one A4 page`);
		}
		await p.emulateMedia({ media: 'print' });
		await t.visit(sheet);
		await t.shot('print');
		await p.emulateMedia({ media: 'screen' });

		await t.submit(p.locator('form.out button'));
		await t.signIn('clerk.hg');
		const resp = await t.visit(sheet);
		assert.equal(resp.status(), 403, 'not allowed without the right');
		await t.shot('clerk');
	});
};
