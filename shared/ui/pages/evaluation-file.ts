import { EVALUATION_PHASE_LABELS, EVALUATION_STEPS } from '../../domain/evaluation/evaluation';
import { CORRECTION_OUTCOME_LABELS, FOLLOW_UP_LABELS, type FollowUp } from '../../domain/evaluation/follow-up';
import { GRADE_LABELS, GRADES, RATER_KIND_LABELS, type Grade } from '../../domain/evaluation/grades';
import type { EvaluationFile } from '../../services/evaluation';
import { auditTrail } from '../audit-trail';
import { csrfField } from '../form-fields';
import { html, type SafeHtml } from '../html';
import { layout, type LayoutStaff } from '../layout';

export interface EvaluationFormState {
  /** Which form the state belongs to: a step key, or 'self' / 'codes' / 'paper' / 'objection' / 'talk'. */
  form: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  message?: string;
}

const DISPOSAL_LABELS = { adopted: '支部大会已通过，待上级党委审批', 'not-adopted': '支部大会未通过', approved: '上级党委已批准', returned: '上级党委退回' } as const;

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

function errorsOf(state: EvaluationFormState | undefined, form: string): SafeHtml {
  if (!state || state.form !== form) return html``;
  const list = Object.values(state.errors);
  return html`<div class="alert error-summary" role="alert"><p>${state.message ?? '提交的内容有误，请按提示修改后重新提交。'}</p><ul>${list.map((e) => html`<li>${e}</li>`)}</ul></div>`;
}

function stepForm(file: EvaluationFile, csrf: string, action: string, form: string, body: SafeHtml, button: string, state?: EvaluationFormState): SafeHtml {
  return html`<form method="post" action="/staff/evaluations/${file.evaluation.id}/${action}">${csrfField(csrf)}${errorsOf(state, form)}${body}<p><button type="submit">${button}</button></p></form>`;
}

function tallyTable(file: EvaluationFile): SafeHtml {
  const mass = file.evaluation.massRating;
  return html`<table><thead><tr><th>党员</th>${GRADES.map((g) => html`<th>${GRADE_LABELS[g]}</th>`)}<th>多数意见</th>${mass ? html`<th>群众评议</th>` : ''}</tr></thead><tbody>
    ${file.tally.map((t) => html`<tr><td>${t.name}</td>${GRADES.map((g) => html`<td>${t.member.counts[g]}（${pct(t.member.shares[g])}）</td>`)}
      <td>${t.majority.length ? t.majority.map((g) => GRADE_LABELS[g]).join('、') : '—'}</td>
      ${mass ? html`<td>${GRADES.map((g) => `${GRADE_LABELS[g]} ${t.mass.counts[g]}`).join('，')}</td>` : ''}</tr>`)}
  </tbody></table>`;
}

function currentForm(file: EvaluationFile, staff: LayoutStaff, state?: EvaluationFormState): SafeHtml {
  const e = file.evaluation;
  const v = (name: string) => (state?.values[name] ?? '');
  const step = (key: string, body: SafeHtml, button: string) => stepForm(file, staff.csrfToken, `steps/${key}`, key, body, button, state);
  switch (e.currentStep) {
    case 'plan':
      return step('plan', html`<p><label>学习教育日期 <input type="date" name="studyDate" value="${v('studyDate')}" required></label></p>
        <p><label>评议方案要点（时间、参加人员、不参加人员及原因） <textarea name="planNotes" rows="4">${v('planNotes')}</textarea></label></p>`, '提交方案');
    case 'self-evaluation':
      return html`<h3>登记个人自评</h3>
        ${stepForm(file, staff.csrfToken, 'self', 'self', html`<p><label>党员 <select name="personId">${e.evaluated.map((m) => html`<option value="${m.personId}">${m.name}</option>`)}</select></label></p>
          <p><label>自评内容 <textarea name="text" rows="3">${v('text')}</textarea></label></p><p><label>或书面材料文件名 <input name="fileName" value="${v('fileName')}"></label></p>`, '登记自评', state)}
        <p>尚未提交自评：${file.missingSelf.length ? file.missingSelf.join('、') : '无'}</p>
        ${step('self-evaluation', html`<p><label><input type="checkbox" name="confirmMissing" value="on"> 确认结束自评收集</label></p>`, '结束自评收集')}`;
    case 'rating':
      return html`<h3>网上评议（评议码）</h3>
        <p>已发放评议码：党员 ${file.codesIssued.member} 个${e.massRating ? `，群众 ${file.codesIssued.mass} 个` : ''}；已收回网上评议：党员 ${file.online.returned.member} 份${e.massRating ? `，群众 ${file.online.returned.mass} 份` : ''}。
          <a href="/staff/evaluations/${e.id}/slips">打印评议码纸条</a></p>
        ${stepForm(file, staff.csrfToken, 'codes', 'codes', html`<p><label>发放数量 <input type="number" name="count" min="1" max="200" value="${v('count')}"></label>
          ${e.massRating ? html`<label>评议人 <select name="raterKind"><option value="member">党员评议</option><option value="mass">群众评议</option></select></label>` : ''}</p>`, '生成评议码', state)}
        <h3>纸质评议表汇总录入</h3>
        ${stepForm(file, staff.csrfToken, 'paper', 'paper', html`
          ${e.massRating ? html`<p><label>评议人 <select name="raterKind"><option value="member">党员评议</option><option value="mass">群众评议</option></select></label></p>` : ''}
          <p><label>发出评议表（份） <input type="number" name="issued" min="0" value="${v('issued')}"></label> <label>收回评议表（份） <input type="number" name="returned" min="0" value="${v('returned')}"></label></p>
          <table><thead><tr><th>党员</th>${GRADES.map((g) => html`<th>${GRADE_LABELS[g]}</th>`)}</tr></thead><tbody>
          ${e.evaluated.map((m) => html`<tr><td>${m.name}</td>${GRADES.map((g) => html`<td><input type="number" min="0" aria-label="${m.name} ${GRADE_LABELS[g]}" name="n.${m.personId}.${g}" value="${v(`n.${m.personId}.${g}`)}"></td>`)}</tr>`)}
          </tbody></table>`, '保存汇总数', state)}
        ${step('rating', html`<p>结束后评议码不能再使用。</p>`, '结束民主评议')}`;
    case 'proposal':
      return step('proposal', html`<p>优秀比例不超过参评党员的 ${e.rules.excellentCapPercent}%（最多 ${Math.floor((e.evaluated.length * e.rules.excellentCapPercent) / 100)} 名）；评定等次与评议多数意见不一致的、评定为不合格的，须写明理由。</p>
        <table><thead><tr><th>党员</th><th>评议多数意见</th><th>评定等次</th><th>理由</th></tr></thead><tbody>
        ${file.tally.map((t) => html`<tr><td>${t.name}</td><td>${t.majority.map((g) => GRADE_LABELS[g]).join('、') || '—'}</td>
          <td><select name="grade.${t.personId}" aria-label="${t.name}的评定等次">${GRADES.map((g: Grade) => html`<option value="${g}" ${(v(`grade.${t.personId}`) || t.majority[0] || 'qualified') === g ? 'selected' : ''}>${GRADE_LABELS[g]}</option>`)}</select></td>
          <td><input name="reason.${t.personId}" aria-label="${t.name}的理由" value="${v(`reason.${t.personId}`)}"></td></tr>`)}
        </tbody></table>`, '提交评定意见');
    case 'meeting':
    case 'disposal-meeting':
      return step(e.currentStep, html`${e.currentStep === 'disposal-meeting' ? html`<p>提请支部大会讨论的组织处置意见：${(e.grades ?? []).filter((g) => g.correction && g.correction !== 'corrected').map((g) => `${g.name}（${CORRECTION_OUTCOME_LABELS[g.correction!]}）`).join('、')}。通过后报上级党委审批。</p>` : ''}
        <p><label>支部大会日期 <input type="date" name="meetingDate" value="${v('meetingDate')}"></label></p>
        <p><label>实到会有表决权的正式党员 <input type="number" name="present" min="0" value="${v('present')}"></label>
        <label>赞成票 <input type="number" name="yes" min="0" value="${v('yes')}"></label>
        <label>书面赞成意见 <input type="number" name="writtenYes" min="0" value="${v('writtenYes')}"></label>
        <label>书面反对意见 <input type="number" name="writtenNo" min="0" value="${v('writtenNo')}"></label></p>`, '提交表决结果');
    case 'follow-up':
      return step('follow-up', html`<table><thead><tr><th>党员</th><th>等次</th><th>处置</th><th>期限</th><th>办理</th></tr></thead><tbody>
        ${(e.grades ?? []).filter((g) => g.followUp).map((g) => html`<tr><td>${g.name}</td><td>${GRADE_LABELS[g.grade]}</td><td>${FOLLOW_UP_LABELS[g.followUp!.kind]}</td><td>${g.followUp!.dueDate}</td>
          <td>${g.followUp!.kind === 'improvement-talk'
            ? g.followUp!.talk ? `已于 ${g.followUp!.talk.date} 谈话（${g.followUp!.talk.talkers}）` : html`<label>谈话日期 <input type="date" name="talk.${g.personId}" value="${v(`talk.${g.personId}`)}"></label>`
            : html`<label>整改结果 <select name="review.${g.personId}"><option value="">请选择</option>${Object.entries(CORRECTION_OUTCOME_LABELS).map(([k, l]) => html`<option value="${k}" ${(v(`review.${g.personId}`) || g.correction) === k ? 'selected' : ''}>${l}</option>`)}</select></label>`}</td></tr>`)}
        </tbody></table>`, '提交组织处置结果');
    default:
      // Between two steps (the next one is being opened) or waiting on the higher committee or a notice period.
      return e.currentStep ? html`` : html`<p class="muted" role="status">目前没有需要填写的表格：正在等待上级党委审批或公示期满；如刚开始或刚提交，下一步骤正在生成，请稍候刷新本页。</p>`;
  }
}

/** A recorded improvement talk, as the grades table says it. */
function talkDone(followUp: FollowUp): string {
  if (followUp.talk) return `，已于 ${followUp.talk.date} 谈话（谈话人：${followUp.talk.talkers}；${followUp.talk.note}）`;
  return followUp.doneOn ? `，已于 ${followUp.doneOn} 谈话` : '';
}

/** The form to record an improvement talk on its own (V10), for the 基本合格 members whose talk is not recorded yet. */
function talkForm(file: EvaluationFile, staff: LayoutStaff, state?: EvaluationFormState): SafeHtml {
  const e = file.evaluation;
  const waiting = (e.grades ?? []).filter((g) => g.followUp?.kind === 'improvement-talk' && !g.followUp.doneOn);
  if (e.status !== 'running' || e.phase !== 'follow-up' || waiting.length === 0) return html``;
  const v = (name: string) => (state?.form === 'talk' ? state.values[name] ?? '' : '');
  return html`<section><h2>登记谈心谈话</h2><p>评定为基本合格的党员，由支部负责人与其谈心谈话、督促改进；谈话后即可在此登记，不必等到组织处置一并提交。</p>
    ${stepForm(file, staff.csrfToken, 'talks', 'talk', html`<p><label>党员 <select name="personId">${waiting.map((g) => html`<option value="${g.personId}" ${v('personId') === g.personId ? 'selected' : ''}>${g.name}（期限 ${g.followUp!.dueDate}）</option>`)}</select></label></p>
      <p><label>谈话日期 <input type="date" name="date" value="${v('date')}" required></label></p>
      <p><label>谈话人（姓名、职务） <input name="talkers" value="${v('talkers')}" maxlength="200" required></label></p>
      <p><label>谈话情况 <textarea name="note" rows="3" maxlength="1000" required>${v('note')}</textarea></label></p>`, '登记谈心谈话', state)}</section>`;
}

/** The branch's evaluation file (全程纪实): where it stands, the form of its open step, the tally, grades, the record. */
export function evaluationFilePage(o: { file: EvaluationFile; staff: LayoutStaff; flash?: string; state?: EvaluationFormState }): SafeHtml {
  const { file } = o;
  const e = file.evaluation;
  const body = html`<h1>${e.orgName}${e.year}年度民主评议党员</h1>
    ${o.flash ? html`<p class="alert success" role="status">${o.flash}</p>` : ''}
    <dl class="facts"><dt>当前阶段</dt><dd>${EVALUATION_PHASE_LABELS[e.phase]}${e.currentStep && e.status === 'running' ? `（待办：${EVALUATION_STEPS[e.currentStep].label}）` : ''}</dd>
      <dt>评议日期</dt><dd>${e.date}</dd><dt>参评党员</dt><dd>${e.evaluated.length} 名：${e.evaluated.map((m) => m.name).join('、')}</dd>
      <dt>不参加评议</dt><dd>${e.excluded.length ? e.excluded.map((x) => `${x.name}（${x.reasonLabel}）`).join('、') : '无'}</dd>
      <dt>群众评议</dt><dd>${e.massRating ? '参加（结果单列，不计入多数意见）' : '不安排'}</dd></dl>
    ${e.status === 'running' && file.canHandle ? html`<section><h2>办理：${e.currentStep ? EVALUATION_STEPS[e.currentStep].label : EVALUATION_PHASE_LABELS[e.phase]}</h2>${currentForm(file, o.staff, o.state)}</section>` : ''}
    ${e.phase === 'publication' && e.noticeId && file.canHandle ? html`<section><h2>登记党员对定档结果的异议</h2>${stepForm(file, o.staff.csrfToken, 'objections', 'objection', html`<p><label>异议内容 <textarea name="content" rows="3"></textarea></label></p><p><label>反映人（可不填） <input name="name"></label></p>`, '登记异议', o.state)}
      <p><a href="/staff/notices/${e.noticeId}">查看定档结果公示</a></p></section>` : ''}
    ${file.canHandle ? talkForm(file, o.staff, o.state) : ''}
    <section><h2>评议结果（${RATER_KIND_LABELS.member} ${file.online.returned.member + file.paper.filter((p) => p.raterKind === 'member').reduce((s, p) => s + p.returned, 0)} 份）</h2>${tallyTable(file)}</section>
    ${e.grades ? html`<section><h2>定档结果</h2><table class="grades"><thead><tr><th>党员</th><th>等次</th><th>理由</th><th>组织处置</th></tr></thead><tbody>
      ${e.grades.map((g) => html`<tr><td>${g.name}</td><td>${GRADE_LABELS[g.grade]}</td><td>${g.reason ?? ''}</td><td>${g.followUp ? `${FOLLOW_UP_LABELS[g.followUp.kind]}，期限 ${g.followUp.dueDate}${talkDone(g.followUp)}${g.correction ? `，${CORRECTION_OUTCOME_LABELS[g.correction]}` : ''}${g.disposal ? `（${DISPOSAL_LABELS[g.disposal]}）` : ''}` : g.grade === 'unqualified' && g.probationary
        ? html`预备党员，按发展党员程序处理（延长预备期或取消预备党员资格）${g.developmentCaseId ? html`：<a href="/staff/cases/${encodeURIComponent(g.developmentCaseId)}">办理其发展党员档案</a>` : '：系统中没有其发展党员档案，请线下办理'}` : ''}</td></tr>`)}
      </tbody></table></section>` : ''}
    <section><h2>全程纪实</h2><p><a href="/staff/evaluations/${e.id}/archive">打印全程纪实（归档）</a></p>${auditTrail(file.audit)}</section>`;
  return layout({ title: `${e.orgName}${e.year}年度民主评议党员`, body, staff: o.staff });
}
