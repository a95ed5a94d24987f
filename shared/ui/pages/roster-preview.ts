import type { PreviewRow, RosterPreview } from '../../services/roster';
import { csrfField } from '../form-fields';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';
import { changedFieldsText, fileKindText, ROSTER_PREVIEW_ROW_LIMIT } from '../roster/roster-text';

const orgCell = (row: PreviewRow) => (row.orgName && row.orgName !== row.orgText ? html`${row.orgName} <span class="muted">（${row.orgText}）</span>` : row.orgText);

function more(total: number): SafeHtml {
  return total > ROSTER_PREVIEW_ROW_LIMIT ? html`<p class="muted">仅列出前 ${ROSTER_PREVIEW_ROW_LIMIT} 行，另有 ${total - ROSTER_PREVIEW_ROW_LIMIT} 行未列出（均已计入上面的统计）。</p>` : html``;
}

function problemTable(rows: PreviewRow[]): SafeHtml {
  return html`<h2 id="problems">有问题的行（${rows.length} 行，不导入）</h2>
    <div class="table-wrap" tabindex="0"><table class="roster-rows">
      <thead><tr><th>行号</th><th>姓名</th><th>身份证号</th><th>所在党组织</th><th>问题</th></tr></thead>
      <tbody>${rows.slice(0, ROSTER_PREVIEW_ROW_LIMIT).map((row) => html`<tr class="problem">
        <td>${row.rowNumber}</td><td>${row.name}</td><td>${row.idNumberMasked}</td><td>${orgCell(row)}</td>
        <td><ul class="problems">${row.problems.map((p) => html`<li>${p.message}</li>`)}</ul></td></tr>`)}</tbody>
    </table></div>${more(rows.length)}`;
}

function writeTable(rows: PreviewRow[]): SafeHtml {
  return html`<h2 id="valid">将导入的行（${rows.length} 行）</h2>
    <div class="table-wrap" tabindex="0"><table class="roster-rows">
      <thead><tr><th>行号</th><th>姓名</th><th>身份证号</th><th>所在党组织</th><th>导入后</th></tr></thead>
      <tbody>${rows.slice(0, ROSTER_PREVIEW_ROW_LIMIT).map((row) => html`<tr>
        <td>${row.rowNumber}</td><td>${row.name}</td><td>${row.idNumberMasked}</td><td>${orgCell(row)}</td>
        <td>${row.outcome === 'new' ? html`<span class="tag open">新增</span>` : html`<span class="tag">更新</span> ${changedFieldsText(row.changedFields)}`}</td></tr>`)}</tbody>
    </table></div>${more(rows.length)}`;
}

function confirmForm(preview: RosterPreview, staff: LayoutStaff, count: number): SafeHtml {
  return html`<form method="post" action="/staff/roster/import/confirm" class="stacked">
    ${csrfField(staff.csrfToken)}
    <input type="hidden" name="fileName" value="${preview.fileName}">
    <input type="hidden" name="sha256" value="${preview.carry.sha256}">
    <input type="hidden" name="expected" value="${preview.carry.expected}">
    <input type="hidden" name="file" value="${preview.carry.file}">
    <p>确认后将导入上表中没有问题的 ${count} 行${preview.counts.invalid > 0 ? html`；有问题的 ${preview.counts.invalid} 行不导入，可修改文件后重新上传（已导入的行不会重复写入）` : ''}。</p>
    <button type="submit">确认导入 ${count} 行</button>
    <a href="/staff/roster/import">取消，重新上传</a>
  </form>`;
}

/** The preview: counts, the rows with problems highlighted, the rows to import, and the confirmation (only when there is something to import). */
export function rosterPreviewPage(preview: RosterPreview, staff: LayoutStaff): SafeHtml {
  const { counts } = preview;
  const problems = preview.rows.filter((r) => r.outcome === 'invalid');
  const writes = preview.rows.filter((r) => r.outcome === 'new' || r.outcome === 'changed');
  const body = html`<h1>花名册导入预览</h1>
    <p>文件：<strong>${preview.fileName}</strong>，${fileKindText(preview.format, preview.encoding)}。<strong>尚未写入任何内容。</strong></p>
    <div class="alert info" role="status"><p>共 ${counts.total} 行：新增 <strong>${counts.new}</strong> 人，更新 <strong>${counts.changed}</strong> 人，无变化 ${counts.unchanged} 人（不写入），有问题 <strong>${counts.invalid}</strong> 行（不导入）。</p>
      ${writes.length > 0 ? html`<p><a href="#confirm">跳到“确认导入”</a></p>` : ''}</div>
    ${preview.ignoredHeaders.length > 0 ? html`<p class="muted">以下列无法识别，已忽略：${preview.ignoredHeaders.join('、')}。</p>` : ''}
    ${problems.length > 0 ? problemTable(problems) : ''}
    ${writes.length > 0 ? writeTable(writes) : ''}
    ${writes.length > 0
      ? html`<h2 id="confirm">确认导入</h2>${confirmForm(preview, staff, writes.length)}`
      : html`<h2>无需导入</h2><p>没有需要导入的行${counts.unchanged > 0 ? '：文件中的人员信息与系统中的一致' : ''}。${counts.invalid > 0 ? '请按上表修改文件后重新上传。' : ''}</p><p><a class="button" href="/staff/roster/import">重新上传</a></p>`}`;
  return layout({ title: '花名册导入预览', body, staff });
}
