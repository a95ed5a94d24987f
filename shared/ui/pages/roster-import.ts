import { ROSTER_COLUMNS } from '../../domain/roster';
import { csrfField, errorSummary } from '../form-fields';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';

export interface RosterImportPageOptions {
  staff: LayoutStaff;
  /** Why the last upload was refused (the file could not be read as a roster). */
  message?: string;
  /** The organization whose roster the actor may export, for the links. */
  exportOrg?: { id: string; name: string };
}

export function rosterExportLinks(orgId: string): { csv: string; csvGb: string; xlsx: string } {
  const base = `/staff/orgs/${encodeURIComponent(orgId)}`;
  return { csv: `${base}/roster.csv`, csvGb: `${base}/roster.csv?encoding=gb18030`, xlsx: `${base}/roster.xlsx` };
}

function columnsTable(): SafeHtml {
  return html`<div class="table-wrap" tabindex="0"><table>
    <thead><tr><th>列名</th><th>是否必填</th><th>填写说明</th><th>也可写作</th></tr></thead>
    <tbody>${ROSTER_COLUMNS.map((c) => html`<tr><td><strong>${c.header}</strong></td><td>${c.required ? '必填' : '选填'}</td><td>${c.hint}</td><td class="muted">${c.aliases.join('、')}</td></tr>`)}</tbody>
  </table></div>`;
}

/** 花名册导入: the upload form, the template, and what each column means. */
export function rosterImportPage(options: RosterImportPageOptions): SafeHtml {
  const links = options.exportOrg ? rosterExportLinks(options.exportOrg.id) : undefined;
  const body = html`<h1>花名册导入</h1>
    <p>上传党员花名册（Excel 的 .xlsx 文件或 CSV 文件）。系统先逐行检查并列出每一行的问题，<strong>确认之前不会写入任何内容</strong>。确认后只导入没有问题的行：新人员新增，已有人员（按身份证号识别）更新有变化的信息，没有变化的不作改动。同一文件重复导入不会产生重复记录。</p>
    ${errorSummary(options.message, {})}
    <form class="stacked" method="post" action="/staff/roster/import/preview" enctype="multipart/form-data">
      ${csrfField(options.staff.csrfToken)}
      <div class="field">
        <label for="f-file">花名册文件 <span class="muted">（必填）</span></label>
        <input type="file" id="f-file" name="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required aria-describedby="f-file-hint">
        <p class="hint" id="f-file-hint">.xlsx 或 .csv，最大 4 MB，每次最多 10,000 行。CSV 文件用 UTF-8 或 GB18030（Excel 默认的“CSV（逗号分隔）”）编码均可。</p>
      </div>
      <button type="submit">上传并预览</button>
    </form>
    <h2>模板</h2>
    <p>建议下载模板填写：<a href="/staff/roster/template.xlsx">Excel 模板（.xlsx）</a>（身份证号一列已设为文本格式，性别和党员状态可从下拉列表选择）或 <a href="/staff/roster/template.csv">CSV 模板</a>。第一行为列名，列的顺序不限；表头前可以有一行标题，无法识别的列（如“序号”“备注”）会被忽略。</p>
    ${columnsTable()}
    <ul>
      <li>留空的选填项不会覆盖系统中已有的信息。</li>
      <li>“党员状态”变化时，系统按“状态日期”记入该人员的状态历史；状态日期不能早于系统中已登记的状态日期。</li>
      <li>同一身份证号在文件中出现多次时，只导入第一次出现的行。</li>
      <li>只能导入到您管理范围内的党组织；人员目前在其他党组织的，请先办理组织关系转接。</li>
    </ul>
    ${links && options.exportOrg ? html`<h2>导出花名册</h2>
      <p>${options.exportOrg.name}（含下级组织）：<a href="${links.xlsx}">Excel（.xlsx）</a>、<a href="${links.csv}">CSV（UTF-8）</a>、<a href="${links.csvGb}">CSV（GB18030，适用于旧版 Excel）</a>。导出的文件含完整身份证号，请妥善保管。导出文件可修改后直接导入。</p>` : ''}`;
  return layout({ title: '花名册导入', body, staff: options.staff });
}
