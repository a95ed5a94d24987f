import { NOTICE_NODE_LABELS, type DevelopmentRuleSet, type NoticeNode } from '../../domain/development/rule-set';
import { RULE_SET_FIELDS } from '../../schemas/rule-set-form';
import type { RuleSetListing } from '../../services/development-views/rule-set-admin';
import { csrfField, errorSummary, fieldId, selectField, textField, type FormState } from '../form-fields';
import { formatDateTime } from '../format';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';
import { developmentPaths } from '../development/paths';

function summary(rules: DevelopmentRuleSet): string {
  const nodes = (Object.keys(NOTICE_NODE_LABELS) as NoticeNode[]).filter((node) => rules.noticeNodes[node]).map((node) => NOTICE_NODE_LABELS[node]);
  return [
    `年满 ${rules.minimumAgeYears} 周岁`,
    `${rules.talkWithinMonths} 个月内谈话`,
    `培养考察 ${rules.minimumCultivationMonths} 个月`,
    `培训 ${rules.training.minDays} 天或 ${rules.training.minHours} 学时`,
    `审批 ${rules.admissionApproval.dueMonths}（最长 ${rules.admissionApproval.maxMonths}）个月`,
    `预备期 ${rules.probationMonths} 个月`,
    `公示 ${rules.notice.count} 个${rules.notice.unit === 'workingDays' ? '工作日' : '自然日'}（${rules.notice.audience === 'public' ? '公开' : '内部'}）：${nodes.join('、') || '不公示'}`,
  ].join('；');
}

function ruleField(name: string, label: string, type: string, form: FormState, options?: ReadonlyArray<readonly [string, string]>): SafeHtml {
  if (type === 'bool') {
    const on = form.values[name] === 'on';
    return html`<div class="field"><label class="choice"><input type="checkbox" name="${name}" value="on"${on ? html` checked` : ''}> ${label}</label></div>`;
  }
  if (type === 'select') return selectField({ name, label, state: form, options: options ?? [], required: true });
  return textField({ name, label, state: form, type: 'number', min: '0', required: true });
}

/** 规则设置 (administrators): the rule sets in force, and a form adding a new version; none is ever edited. */
export function ruleSetsAdminPage(sets: RuleSetListing[], staff: LayoutStaff, form: FormState, options: { message?: string; flash?: string } = {}): SafeHtml {
  const labels = Object.fromEntries([['ruleSetVersion', '版本号'], ['ruleSet', '规则'], ...RULE_SET_FIELDS.map((f) => [f.name, f.label])]);
  const body = html`<p><a href="${developmentPaths.dashboard()}">← 发展党员工作台</a></p>
    <h1>发展党员规则设置</h1>
    ${options.flash ? html`<div class="alert ok" role="status"><p>${options.flash}</p></div>` : ''}
    <p>每个案件按建立时选定的规则版本办理到底。已建立的规则版本不能修改；规则调整时请新增一个版本，新建案件时选用。</p>
    <div class="table-wrap" tabindex="0"><table>
      <thead><tr><th>版本</th><th>主要规定</th><th>建立时间</th></tr></thead>
      <tbody>${sets.map((set) => html`<tr><td>${set.version}${set.builtIn ? html` <span class="tag">内置</span>` : ''}</td><td>${summary(set.rules)}</td><td>${set.builtIn ? '《中国共产党发展党员工作细则》（2014）' : formatDateTime(set.createdAt)}</td></tr>`)}</tbody>
    </table></div>
    <h2 id="new-rule-set">新增规则版本</h2>
    ${errorSummary(options.message, form.errors, labels)}
    ${form.errors.ruleSet ? html`<p class="field-error" id="${fieldId('ruleSet')}">${form.errors.ruleSet}</p>` : ''}
    <form method="post" action="${developmentPaths.ruleSets()}" class="stacked">
      ${csrfField(staff.csrfToken)}
      ${textField({ name: 'ruleSetVersion', label: '版本号', state: form, required: true, maxLength: 30, hint: '例如 2026-local；建立后不能修改' })}
      ${RULE_SET_FIELDS.map((f) => ruleField(f.name, f.label, f.type, form, f.options))}
      <button type="submit">新增规则版本</button>
    </form>`;
  return layout({ title: '发展党员规则设置', body, staff });
}
