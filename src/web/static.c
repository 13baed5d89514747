/* static.c - the one stylesheet and the one script, served from the binary (no resource from
 * outside). Small on purpose: pages must load over a slow link and print cleanly on A4. */
#include "pages.h"

static const char css[] =
	":root{--ink:#1b1b1b;--mute:#5a5a5a;--line:#d0d0d0;--bad:#a40000;--accent:#8b0000;--bg:#fff;"
	"--head:#f4efe6;--th:#faf8f4;--errbg:#fff3f3;--okbg:#f1f8f1;--warm:#fff8f0;--good:#2e7d32;"
	"--link:#0645ad;color-scheme:light dark}"
	"*{box-sizing:border-box}"
	"body{margin:0;font:16px/1.45 system-ui,'Segoe UI',Roboto,'Noto Sans',sans-serif;color:var(--ink);"
	"background:var(--bg)}a{color:var(--link)}"
	"header.bar{display:flex;flex-wrap:wrap;gap:.5em .8em;align-items:center;padding:.4em 1em;"
	"background:var(--head);border-bottom:2px solid var(--accent)}"
	"header.bar .home{font-weight:700;color:var(--accent);text-decoration:none}"
	"header.bar form{display:inline-flex;gap:.3em;margin:0}header.bar nav a{white-space:nowrap}"
	".search input{width:8.5em;max-width:50vw}"
	".who{color:var(--mute)}"
	"main{padding:0 1em 2em;max-width:72em}"
	"h1{font-size:1.4em;margin:.8em 0 .4em}h2{font-size:1.15em;margin:1.2em 0 .4em}"
	"table{border-collapse:collapse;margin:.4em 0}th,td{border-bottom:1px solid var(--line);"
	"padding:.25em .6em;text-align:left;vertical-align:top}th{background:var(--th)}"
	"td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}"
	"dl.record{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}dl.record dt{color:var(--mute)}"
	"dl.record dd{margin:0}"
	".field{margin:.5em 0}.field label{display:block;font-weight:600}"
	".field input,.field select,.field textarea{font:inherit;padding:.25em;min-width:18em;max-width:100%}"
	".field.bad input,.field.bad select{border:2px solid var(--bad)}"
	".err{display:block;color:var(--bad)}"
	".errors{border-left:4px solid var(--bad);background:var(--errbg);padding:.3em 1em;margin:.5em 0}"
	".ok{border-left:4px solid var(--good);background:var(--okbg);padding:.3em 1em;margin:.5em 0}"
	"button{font:inherit;padding:.2em .8em;cursor:pointer}"
	"details.tree>.branch,details.tree>.leaf{margin-left:1.2em}"
	"ul.tree{list-style:none;padding-left:1.2em;margin:0}"
	".count{color:var(--mute);font-variant-numeric:tabular-nums}"
	".vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}"
	".pager{margin:.6em 0}.pager a{margin-right:1em}"
	".foot{color:var(--mute);font-size:.85em;padding:1em;border-top:1px solid var(--line)}"
	".actions a.action{display:inline-block;margin:0 .8em .3em 0;padding:.15em .6em;"
	"border:1px solid var(--accent);border-radius:3px;text-decoration:none;color:var(--accent)}"
	".leaf,.branch>.line{padding:.05em 0 .05em 1.2em}.branch{position:relative}"
	"details.tree>summary{position:absolute;left:0;top:0;width:1.2em;height:1.5em;cursor:pointer;"
	"list-style:none}details.tree>summary::-webkit-details-marker{display:none}"
	"details.tree>summary::before{content:\"\\25B8\"}details.tree[open]>summary::before{content:\"\\25BE\"}"
	".kind{color:var(--mute);font-size:.85em}.deeper{font-size:.9em}"
	".count b{font-weight:600}.note{color:var(--mute)}"
	"form.inline{display:flex;flex-wrap:wrap;gap:.3em;align-items:center;margin:0}"
	"table.audit{font-size:.85em}del{color:var(--bad)}ins{text-decoration:none;color:var(--good)}"
	".print-only{display:none}.lineage{margin:.3em 0}"
	/* Reports and reviews (page_report.c, page_review.c, page_discipline.c, page_rules.c). */
	"table.report th[scope=row]{font-weight:400;background:none}section.rtable{margin:0 0 1em}"
	/* A table of one column with its chart beside it; a wider one above its chart. */
	"@media (min-width:60em){section.rtable.narrow{display:grid;grid-template-columns:"
	"minmax(0,max-content) minmax(0,1fr);gap:0 2em;align-items:start}"
	"section.rtable.narrow>h2,section.rtable.narrow>p{grid-column:1/-1}"
	"section.rtable.narrow .chart-box{grid-row:2;grid-column:2;max-width:40em}}"
	"table.review select.grade{min-width:14em}"
	"table.review .field{margin:0}table.review .field select,table.review .field input"
	"{min-width:0;width:100%}"
	".flag{display:inline-block;font-size:.8em;padding:0 .4em;border:1px solid var(--bad);"
	"color:var(--bad);border-radius:3px}.rule-note{display:block;font-size:.85em;color:var(--mute)}"
	"tr.disciplined{background:var(--warm)}tr.old{color:var(--mute)}tr.in-force td{background:var(--okbg)}"
	".quota{border-left:4px solid var(--accent);background:var(--th);padding:.2em 1em;margin:.5em 0}"
	".live{font-weight:600}.live.over{color:var(--bad)}td.value code{word-break:break-word}"
	/* Admissions (page_admission.c, page_form_admission.c): the board's stages as columns at
	 * a desk, as sections one under another on a phone (below) and on paper; a case past its
	 * deadline has a red edge and, for those who do not see colours, the word "Overdue". */
	".board{display:grid;grid-template-columns:repeat(auto-fill,minmax(15em,1fr));gap:.6em;"
	"align-items:start}.board.single{display:block}"
	".board .stage{border:1px solid var(--line);border-top:3px solid var(--accent);padding:0 .6em .4em}"
	".board .stage h2{font-size:1em;margin:.4em 0}"
	"ol.cases{list-style:none;padding:0;margin:0}ol.cases li{padding:.3em 0;border-top:1px solid var(--line)}"
	"li.case.overdue{border-left:4px solid var(--bad);padding-left:.4em;background:var(--errbg)}"
	"tr.overdue td{background:var(--errbg)}.due.overdue{color:var(--bad)}"
	".next,.cell,.when{font-size:.9em;color:var(--mute)}.step-form{border-top:2px solid var(--accent);"
	"margin-top:1em}table.timeline code.rules{font-size:.8em;color:var(--mute)}"
	/* Charts (svg.c): Okabe-Ito colours, told apart by people who do not see all colours;
	 * the hatches and dashes drawn in the SVG keep the series apart in grey. The navigation
	 * bar's rules above name its element so that they miss the charts' rect.bar. */
	"svg.chart{display:block;max-width:100%;height:auto;margin:.4em 0}"
	".chart text{fill:var(--ink)}.chart .more{fill:var(--mute)}"
	".chart .s0{--c:#1f3a5f}.chart .s1{--c:#e69f00}.chart .s2{--c:#56b4e9}"
	".chart .s3{--c:#009e73}.chart .s4{--c:#f0e442}.chart .s5{--c:#cc79a7}"
	".chart .s6{--c:#d55e00}.chart .s7{--c:#999}"
	".chart pattern rect,.chart .mk{fill:var(--c)}.chart .line{stroke:var(--c)}"
	/* The skip link, the menu, phones and the dark theme (docs/web.md). The menu is a
	 * <details>: folded on a phone; at a desk its content is shown without the summary where
	 * the browser can (::details-content), else it stays a "Menu" button. On a phone a table
	 * scrolls in its own box with the first (name) column fixed, fields take the width, and a
	 * chart keeps its 12 px text and scrolls in its box. */
	".skip{position:absolute;left:.5em;top:-4em;z-index:9;padding:.3em .8em;background:var(--bg);"
	"border:2px solid var(--accent)}.skip:focus{top:.5em}"
	"details.menu>summary{cursor:pointer;padding:.1em .6em;border:1px solid var(--accent);"
	"border-radius:3px}details.menu[open]{flex-basis:100%}"
	"details.menu nav{display:flex;flex-direction:column;margin:.3em 0}"
	"details.menu nav a{padding:.3em 0}details.menu form{margin:.3em .6em .3em 0}"
	"@media (min-width:64em){@supports selector(::details-content){details.menu{display:contents}"
	"details.menu>summary{display:none}"
	"details.menu::details-content{content-visibility:visible;display:contents}"
	"details.menu nav{flex-direction:row;gap:.2em .55em;margin:0}details.menu nav a{padding:0}"
	"details.menu form{margin:0}}}"
	".chart-box{max-width:100%;overflow-x:auto}dd{overflow-wrap:break-word;min-width:0}"
	"table.review select.grade{width:auto;min-width:max-content}"
	"td.nodata,p.nodata{color:var(--mute);font-style:italic}"
	/* The cadre's sheet (page_sheet.c): identity in two pairs of columns, two columns of
	 * lists under it; on paper one A4 page. */
	".sheet-id{display:grid;grid-template-columns:max-content 1fr max-content 1fr;"
	"gap:.1em .8em;margin:.3em 0}.sheet-id dt{color:var(--mute)}.sheet-id dd{margin:0}"
	".sheet-cols{display:grid;grid-template-columns:1fr 1fr;gap:0 1.5em}"
	".cadre-sheet ul{margin:.2em 0;padding-left:1.2em}"
	"@media screen and (max-width:47.99em){.sheet-id{grid-template-columns:max-content 1fr}"
	".sheet-cols{display:block}}"
	/* The report's frame is a table only on paper, where its head and foot repeat. */
	"@media screen{.print-frame,.print-frame>tbody,.print-frame>tbody>tr,.print-frame>tbody>tr>td"
	"{display:block;padding:0;border:0}.print-frame>thead,.print-frame>tfoot{display:none}}"
	"@media screen and (max-width:47.99em){main{padding:0 .6em 2em}"
	"main table:not(.print-frame){display:block;position:relative;max-width:100%;overflow-x:auto}"
	"main table:not(.print-frame) tr>:first-child{position:sticky;left:0;z-index:1;background:var(--bg)}"
	"main table:not(.print-frame) thead tr>:first-child{background:var(--th)}"
	/* The review form: its first column is the row's number, its second the name. */
	"main table.review tr>:first-child{min-width:2.8em;width:2.8em}"
	"main table.review tr>:nth-child(2){position:sticky;left:2.8em;z-index:1;background:var(--bg)}"
	"main table.review thead tr>:nth-child(2){background:var(--th)}"
	"dl.record{grid-template-columns:minmax(0,1fr)}dl.record dd{margin-bottom:.4em}"
	".field input,.field select,.field textarea{width:100%;min-width:0}"
	"main form select,main form input:not([type=checkbox]):not([type=radio]){max-width:100%}"
	".board{display:block}.board .stage{margin:0 0 .8em}"
	".search{flex:1 1 12em;min-width:0}.search input{width:auto;flex:1;min-width:0;max-width:none}"
	".chart-box svg.chart{width:640px;max-width:none}}"
	"@media (prefers-color-scheme:dark){:root{--ink:#e6e6e6;--mute:#b4b4b4;--line:#4a4a4a;"
	"--bad:#ff9a9a;--accent:#ffab91;--bg:#161616;--head:#2a2520;--th:#232323;--errbg:#3b1f1f;"
	"--okbg:#1d321d;--warm:#33291c;--good:#8fd88f;--link:#9ec5ff}.chart .s0{--c:#7fa7d9}}"
	"@media print{header.bar,.skip,.search,form,.pager,nav,button,.actions,.deeper"
	"{display:none!important}"
	".print-only{display:block;border-bottom:1px solid #000;padding-bottom:.3em}"
	"h1{margin-top:0}dl.record{gap:.1em 1.5em}details>summary{list-style:none}"
	"body{font:11pt/1.35 serif;color:#000}main{max-width:none;padding:0}"
	"a{color:#000;text-decoration:none}"
	/* Page numbers in the margin (Chromium 131 and later, Firefox 135 and later). */
	"@page{size:A4;margin:15mm 15mm 18mm;@bottom-right{content:counter(page) \" / \" counter(pages);"
	"font:9pt serif}}"
	".print-frame{width:100%;border-collapse:collapse;margin:0}.print-frame>*>tr>td{padding:0;border:0}"
	".run{font-size:9pt;padding:0 0 2pt;margin:0 0 6pt;border-bottom:1px solid #000}"
	".print-frame>tfoot .run{margin:6pt 0 0;padding:2pt 0 0;border-bottom:0;border-top:1px solid #000}"
	"tfoot{display:table-footer-group}.chart-box{overflow:visible}td.nodata{color:#000}"
	"table{page-break-inside:auto}tr{page-break-inside:avoid}thead{display:table-header-group}"
	"h2{break-after:avoid}section.rtable{break-inside:avoid}.note{color:#000}"
	".foot{display:block;border-top:1px solid #000}"
	/* The board on paper: the stages one after another, each kept whole where it fits. */
	".board{display:block}.board .stage{border:0;border-top:1px solid #000;padding:0;"
	"break-inside:avoid}li.case.overdue,tr.overdue td{background:none}.due.overdue{color:#000}"
	".flag{border-color:#000;color:#000}"
	/* Charts on paper: fills printed as drawn (browsers drop "backgrounds" by default), lines
	 * and markers black, their dashes telling them apart; a chart kept on one page. */
	"svg.chart{print-color-adjust:exact;-webkit-print-color-adjust:exact;"
	"break-inside:avoid;max-width:17cm}"
	".chart text{fill:#000}.chart .line{stroke:#000}.chart .mk{fill:#000}"
	/* The cadre's sheet on one A4 page. */
	"main:has(#cadre-sheet) h1{font-size:13pt;margin:0 0 .2em}"
	".cadre-sheet{font-size:9pt;line-height:1.25}.cadre-sheet h2{font-size:10pt;"
	"margin:.45em 0 .1em;border-bottom:1px solid #000}.cadre-sheet p.empty{margin:0}"
	".cadre-sheet table{margin:.1em 0;width:100%}.cadre-sheet th,.cadre-sheet td{padding:1px 4px}"
	".sheet-id{gap:0 .8em;margin:0}.sheet-id dt{color:#000;font-style:italic}"
	".cadre-sheet ul{margin:0;padding-left:1.1em}.sheet-cols{gap:0 1em}}";

/* The review form's live count (page_review.c): the chosen grades counted with those decided
 * elsewhere in the grassroots organisation (the form's data attributes), and the text of the
 * verdict taken from them too, in the page's language. The server checks again on submit. */
static const char review_js[] =
	"// review.js - the live count of excellent grades on the review form (cadre).\n"
	"(function () {\n"
	"\t'use strict';\n"
	"\tvar form = document.getElementById('review-form');\n"
	"\tvar out = document.getElementById('quota-live');\n"
	"\tif (!form || !out)\n"
	"\t\treturn;\n"
	"\tvar d = form.dataset;\n"
	"\tfunction fill(t, v) {\n"
	"\t\tfor (var k in v)\n"
	"\t\t\tt = t.split('{' + k + '}').join(String(v[k]));\n"
	"\t\treturn t;\n"
	"\t}\n"
	"\tfunction count() {\n"
	"\t\tvar ex = Number(d.excellent) || 0, gb = Number(d.good) || 0;\n"
	"\t\tvar pct = Number(d.quota), sel = form.querySelectorAll('select.grade');\n"
	"\t\tfor (var i = 0; i < sel.length; i++) {\n"
	"\t\t\tif (sel[i].value === 'excellent') {\n"
	"\t\t\t\tex++;\n"
	"\t\t\t\tgb++;\n"
	"\t\t\t} else if (sel[i].value === 'good') {\n"
	"\t\t\t\tgb++;\n"
	"\t\t\t}\n"
	"\t\t}\n"
	"\t\tvar max = pct >= 0 ? Math.floor(gb * pct / 100) : -1;\n"
	"\t\tvar over = max >= 0 && ex > max;\n"
	"\t\tout.textContent = fill(max < 0 ? d.none : over ? d.over : d.within,\n"
	"\t\t\t{ n: ex, m: gb, p: pct, k: max });\n"
	"\t\tout.className = over ? 'live over' : 'live';\n"
	"\t}\n"
	"\tform.addEventListener('change', count);\n"
	"\tcount();\n"
	"})();\n";

void web_static_review_js(struct req *r)
{
	r->ctype = "text/javascript; charset=utf-8";
	buf_add(&r->out, review_js, sizeof review_js - 1);
	req_header(r, "Cache-Control", "public, max-age=86400");
}

void web_static_css(struct req *r)
{
	r->ctype = "text/css; charset=utf-8";
	buf_add(&r->out, css, sizeof css - 1);
	req_header(r, "Cache-Control", "public, max-age=86400");
}
