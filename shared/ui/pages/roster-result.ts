import type { RosterImportResult } from '../../services/roster';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';
import { rowRanges } from '../roster/roster-text';

function refusedBlock(result: RosterImportResult): SafeHtml {
  const rows = result.refused.flatMap((chunk) => chunk.rowNumbers);
  return html`<div class="alert" role="alert">
    <p><strong>${rows.length} 行未导入。</strong>在您预览之后，下列行中的人员信息已被他人修改或新增，为避免覆盖他人的修改，与之同一批写入的行也都没有写入：</p>
    <ul>${result.refused.map((chunk) => html`<li>第 ${rowRanges(chunk.rowNumbers)} 行未导入${chunk.conflictRows.length > 0 ? html`（有变化的是第 ${rowRanges(chunk.conflictRows)} 行）` : ''}。</li>`)}</ul>
    <p>请重新上传同一文件预览后再确认：已导入的行会显示为“无变化”，不会重复写入。</p>
  </div>`;
}

/** What the import did: who was added and updated, and which rows were not written and why. */
export function rosterResultPage(result: RosterImportResult, staff: LayoutStaff): SafeHtml {
  const written = result.created.length + result.updated.length;
  const body = html`<h1>花名册导入结果</h1>
    <p>文件：<strong>${result.fileName}</strong></p>
    <div class="alert ok" role="status"><p>${written > 0 ? html`已导入 ${written} 行：新增 <strong>${result.created.length}</strong> 人，更新 <strong>${result.updated.length}</strong> 人。` : '没有写入任何内容。'}
      ${result.counts.unchanged > 0 ? html`另有 ${result.counts.unchanged} 行与系统中一致，未作改动。` : ''}</p></div>
    ${result.refused.length > 0 ? refusedBlock(result) : ''}
    ${result.skipped.length > 0 ? html`<h2>预览之后情况有变、未导入的行</h2><ul>${result.skipped.map((s) => html`<li>第 ${s.rowNumber} 行（${s.name}）：${s.reason}${s.problems.length > 0 ? html`<ul class="problems">${s.problems.map((p) => html`<li>${p.message}</li>`)}</ul>` : ''}</li>`)}</ul>` : ''}
    ${result.counts.invalid > 0 ? html`<p>有问题的 ${result.counts.invalid} 行未导入，可修改文件后重新上传。</p>` : ''}
    <p><a class="button" href="/staff/roster/import">继续导入</a> <a href="/staff/orgs">查看组织与人员</a></p>`;
  return layout({ title: '花名册导入结果', body, staff });
}
