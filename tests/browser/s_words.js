// s_words.js - the printed report's page numbers read from the PDF itself (issue 10's leftover):
// Chromium prints the report of a province to PDF, pdftotext (poppler-utils) reads it back, and
// every page carries "N / TOTAL" with the right N and TOTAL, the running head (the
// organisation's code and the year) and the running foot (who printed it).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

module.exports = ({ scenario, assert }) => {
	scenario('words: the printed report numbers its pages, read from the PDF text', async (t) => {
		const p = t.page;
		await t.signIn('admin');
		await t.visit('/orgs/HG/report');
		const year = await t.text('#report-year-shown');
		assert.match(year, /^20[0-9]{2}$/);
		await t.visit(`/orgs/HG/report?year=${year}&print=1`);
		await p.emulateMedia({ media: 'print' });
		const pdf = await p.pdf({ format: 'A4', printBackground: true });
		await p.emulateMedia({ media: 'screen' });
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cadre-words-'));
		try {
			const file = path.join(dir, 'report-HG.pdf');
			fs.writeFileSync(file, pdf);
			const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
			const pages = text.split('\f').filter((s, i, all) => i < all.length - 1 || s.trim() !== '');
			const counted = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
			assert.ok(pages.length >= 3, `the report prints on ${pages.length} pages`);
			assert.equal(pages.length, counted, 'pdftotext reads every page of the PDF');
			pages.forEach((s, i) => {
				const n = i + 1;
				const numbers = s.match(/\b(\d+) \/ (\d+)\s*$/);
				assert.ok(numbers, `page ${n} ends with its number: ${JSON.stringify(s.slice(-200))}`);
				assert.equal(Number(numbers[1]), n, `page ${n} is numbered ${n}`);
				assert.equal(Number(numbers[2]), pages.length, `page ${n} says of ${pages.length}`);
				assert.match(s, /\(HG\)/, `page ${n} names the organisation in its head`);
				assert.ok(s.includes(year), `page ${n} names the year ${year}`);
				assert.match(s, /admin/, `page ${n} says who printed it`);
			});
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
};
