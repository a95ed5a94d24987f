/** The one stylesheet, served at /assets/site.css: plain, readable, mobile-friendly; print hides navigation. */
export const SITE_CSS_PATH = '/assets/site.css';

/**
 * The face of the official layouts (notices, ballots, archives): a serif CJK face that a fresh Debian machine has after
 * the README's install step (fonts-noto-cjk), then the FangSong and SimSun faces of Windows and macOS.
 */
export const PRINT_FONT_FAMILY = '"Noto Serif CJK SC", "FangSong", "STFangsong", "SimSun", "Songti SC", serif';

export const SITE_CSS = `
:root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --red: #b3261e; --bg: #f6f8fa; --ok: #1a7f37; --warn: #9a6700; }
* { box-sizing: border-box; }
html { font-size: 17px; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.7;
  font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", system-ui, sans-serif; }
a { color: #0b57d0; }
.skip-link { position: absolute; left: .5rem; top: -3rem; z-index: 10; background: #fff; color: #0b57d0; padding: .3rem .8rem; border: 2px solid #0b57d0; }
.skip-link:focus { top: .5rem; }
main:focus { outline: none; }
.error-summary:focus { outline: 3px solid var(--ink); outline-offset: 2px; }
.site-header { background: var(--red); color: #fff; }
.site-header .inner { max-width: 60rem; margin: 0 auto; padding: .6rem 1rem; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; }
.site-header a { color: #fff; text-decoration: none; }
.site-header .brand { font-weight: bold; font-size: 1.1rem; margin-right: auto; }
.site-header nav { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; align-items: center; }
.site-header .account { display: flex; gap: .3rem 1rem; align-items: center; font-size: .9rem; }
.site-header .work-nav { flex-basis: 100%; gap: .3rem 1rem; border-top: 1px solid rgba(255,255,255,.35); padding-top: .4rem; }
.site-header form { display: inline; margin: 0; }
.site-header button { background: none; border: 1px solid #fff; color: #fff; padding: .1rem .6rem; font-size: .9rem; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .6rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
.muted { color: var(--muted); }
.notice-card { border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; margin: .8rem 0; }
.notice-card h3 { margin: 0 0 .3rem; font-size: 1.1rem; }
.tag { display: inline-block; font-size: .85rem; padding: 0 .5rem; border-radius: 3px; background: var(--bg); border: 1px solid var(--line); }
.tag.provisional { color: var(--warn); border-color: var(--warn); }
.tag.open { color: var(--ok); border-color: var(--ok); }
.tag.overdue { color: var(--red); border-color: var(--red); }
.chart { margin: 1rem 0; } .chart svg { max-width: 560px; display: block; }
tr.overdue td { background: #fff4f4; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .4rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--bg); font-weight: normal; color: var(--muted); }
.table-wrap { overflow-x: auto; max-width: 100%; }
.table-wrap:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
td a { display: inline-block; min-width: 24px; min-height: 24px; }
form.inline { display: inline; margin: 0 0 0 .5rem; }
form.stacked { margin-top: 1rem; }
form.stacked .field { margin: 0 0 1rem; }
fieldset.choice { max-width: 36rem; border: 1px solid var(--line); border-radius: 4px; }
label { display: block; font-weight: bold; margin-bottom: .2rem; }
.choice label, label.choice { display: inline-flex; gap: .3rem; align-items: center; font-weight: normal; margin-right: 1rem; }
input[type=text], input[type=password], input[type=email], input[type=date], input[type=number], input[type=datetime-local], select, textarea {
  width: 100%; max-width: 36rem; font: inherit; padding: .4rem .5rem; border: 1px solid #8c959f; border-radius: 4px; }
textarea { min-height: 7rem; }
input[type=number] { max-width: 8rem; }
button, .button { font: inherit; padding: .45rem 1.2rem; border-radius: 4px; border: 1px solid var(--red); background: var(--red); color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary { background: #fff; color: var(--red); }
.hint { color: var(--muted); font-size: .9rem; margin: .1rem 0 0; }
.field-error { color: var(--red); font-size: .95rem; margin: .2rem 0 0; }
.field.invalid input, .field.invalid textarea, .field.invalid select { border-color: var(--red); }
.alert { border-left: 4px solid var(--red); background: #fff4f4; padding: .6rem 1rem; margin: 1rem 0; }
.alert.ok { border-color: var(--ok); background: #f0fff4; }
.alert.info { border-color: #0b57d0; background: #f3f7ff; }
.objection { border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; margin: 1rem 0; }
.objection blockquote { margin: .3rem 0 .6rem; padding: .4rem .8rem; background: var(--bg); white-space: pre-wrap; }
.mail { border: 1px solid var(--line); border-radius: 6px; padding: .6rem 1rem; margin: .8rem 0; }
.mail pre { white-space: pre-wrap; word-break: break-word; font-family: inherit; margin: .4rem 0 0; }
tr.problem td { background: #fff4f4; }
tr.problem td:first-child { border-left: 4px solid var(--red); }
ul.problems { margin: 0; padding-left: 1.1rem; color: var(--red); }
ul.timeline { list-style: none; padding-left: 0; }
ul.timeline > li.current { border-left: 3px solid var(--red); padding-left: 0.5rem; }
input[type=file] { font: inherit; max-width: 36rem; width: 100%; padding: .4rem; border: 1px dashed #8c959f; border-radius: 4px; }
.stage .step { border-left: 3px solid var(--line); padding: 0 0 .2rem .8rem; margin: .8rem 0; }
.stage .step.pending h3 { color: var(--muted); }
.stage .step h3 { font-size: 1rem; margin: .3rem 0; }
.record { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .8rem; margin: .4rem 0; }
.org-picker { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: 0 0 1rem; }
.org-picker select { width: auto; }
.archive table.steps td { font-size: .9rem; }
/* The time and who acted stay on one line, also on the narrow A4 archives. */
table.audit tr > :first-child, table.audit tr > :nth-child(3) { white-space: nowrap; }
table.grades tr > :first-child, table.grades tr > :nth-child(2), table.grades th { white-space: nowrap; }
.nowrap { white-space: nowrap; }
.site-footer { max-width: 60rem; margin: 2rem auto 1rem; padding: 0 1rem; color: var(--muted); font-size: .85rem; }
.print-page { max-width: 44rem; margin: 0 auto; padding: 2rem 1.5rem; font-family: ${PRINT_FONT_FAMILY}; font-size: 1.1rem; line-height: 2; }
.print-page .org-heading { text-align: center; color: var(--red); font-size: 1.6rem; font-weight: bold; letter-spacing: .1rem;
  border-bottom: 2px solid var(--red); padding-bottom: .5rem; margin-bottom: 1.2rem; }
.print-page .title { text-align: center; font-size: 1.35rem; font-weight: bold; margin: 1rem 0 1.5rem; }
.print-page p { text-indent: 2em; margin: .3rem 0; }
.print-page table { margin: 1rem 0; }
.print-page .serial { text-align: right; text-indent: 0; }
.print-page .cut-line { border-top: 1px dashed #000; margin: 2.5rem 0 1rem; text-align: center; text-indent: 0; font-size: .9rem; }
.print-page th, .print-page td { border: 1px solid #000; color: #000; background: none; }
.print-page .signature { text-align: right; margin-top: 2.5rem; }
.print-page .signature p { text-indent: 0; }
.print-actions { text-align: center; margin: 1rem 0; }
.ballot-paper { break-after: page; page-break-after: always; }
.ballot-paper p.seats { text-align: center; text-indent: 0; }
.ballot-paper table.marks { width: 100%; }
.ballot-paper table.marks td { height: 2.4rem; text-align: center; }
.ballot-paper td.name { font-size: 1.2rem; letter-spacing: .2rem; }
.ballot-paper td.mark { width: 6rem; }
.ballot-paper .instructions { font-size: .95rem; line-height: 1.6; }
@media (max-width: 40rem) {
  html { font-size: 16px; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dt { margin-top: .4rem; }
  th, td { min-width: 6em; }
}
/* The rater's page (民主评议 网上评议): phone first. */
.rating fieldset { border: 1px solid #ccc; border-radius: 8px; margin: 0 0 12px; padding: 8px 12px; }
.rating legend { font-size: 1.15rem; font-weight: bold; padding: 0 4px; }
.rating .grades { display: grid; grid-template-columns: repeat(2, 1fr); gap: 8px; }
.rating label.grade { display: flex; align-items: center; gap: 8px; min-height: 44px; padding: 4px 8px; border: 1px solid #ddd; border-radius: 6px; font-size: 1.05rem; }
.rating input[type=radio] { width: 22px; height: 22px; }
.rating button, .rating input[name=code] { width: 100%; min-height: 48px; font-size: 1.2rem; }
.rating input[name=code] { letter-spacing: 0.2em; text-transform: uppercase; }
.rating .error { color: #b3261e; }
.slips { display: grid; grid-template-columns: repeat(2, 1fr); gap: 0; }
.slip { border: 1px dashed #888; padding: 8px 12px; break-inside: avoid; }
.print-page .slip p { text-indent: 0; }
.slip .slip-org { text-align: center; font-weight: bold; }
.slip .qr { display: block; width: 32mm; height: 32mm; margin: 4px auto; }
.totp-qr .qr { display: block; width: 200px; height: 200px; margin: 8px 0; background: #fff; }
.slip-code { font-size: 1.8rem; font-family: monospace; letter-spacing: 0.15em; text-align: center; margin: 4px 0; }
@media print {
  @page { size: A4; margin: 2.5cm 2.2cm; }
  html { font-size: 12pt; }
  .site-header, .site-footer, nav, .no-print, .print-actions, form { display: none !important; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .print-page { padding: 0; max-width: none; }
}
`;
