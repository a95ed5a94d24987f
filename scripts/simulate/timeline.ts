import { CASE_STATUS_LABELS, STAGE_OUTCOME_LABELS, type StageOutcome } from '../../shared/domain/development/case';
import { NOTICE_KIND_LABELS } from '../../shared/domain/notice/notice';
import { DEVELOPMENT_STEPS, STAGE_LABELS, type StageNo } from '../../shared/domain/development/steps';
import { chinaDate } from '../../shared/domain/calendar';
import type { CaseFile } from '../../shared/services/development';

const RESULT_LABELS: Record<string, string> = { proceed: '无异议，继续办理', postponed: '暂缓', stopped: '异议查实，终止', withdrawn: '已撤回' };

/** The case's timeline (全程纪实) in Chinese, one line per event, oldest first. */
export function formatTimeline(file: CaseFile): string[] {
  const events: Array<{ at: string; text: string }> = [];
  const day = (iso: string) => chinaDate(new Date(iso));
  for (const step of file.steps) {
    const label = DEVELOPMENT_STEPS.find((s) => s.key === step.stepKey)?.label ?? '公示复核';
    const extra = step.values.voteResult ? `：${String(step.values.voteResult)}` : step.values.outcome ? `：${step.values.outcome === 'approved' ? '同意' : String(step.values.outcome)}` : '';
    events.push({ at: step.at, text: `第 ${String(step.stepNo).padStart(2, ' ')} 步 ${label}（${step.actorName}）${extra}${step.lateFlag ? '【超期】' : ''}` });
  }
  for (const { notice, objections } of file.notices) {
    events.push({ at: notice.publishedAt, text: `        ${NOTICE_KIND_LABELS[notice.kind]}公示开始，至 ${notice.endsAt.slice(0, 10)} 结束` });
    if (notice.closedAt) events.push({ at: notice.closedAt, text: `        ${NOTICE_KIND_LABELS[notice.kind]}公示期满：${objections.length} 条异议，${RESULT_LABELS[notice.result ?? ''] ?? ''}` });
  }
  for (const event of file.audit.filter((e) => e.action === 'case.stage-ended')) {
    const details = event.details as { stage: StageNo; outcome: StageOutcome; nextStage?: { stage: StageNo; earliestStart: string } };
    const next = details.nextStage ? `；${STAGE_LABELS[details.nextStage.stage]}自 ${details.nextStage.earliestStart} 起可开始` : '';
    events.push({ at: event.at, text: `── ${STAGE_LABELS[details.stage]}：${STAGE_OUTCOME_LABELS[details.outcome]}${next}` });
  }
  const lines = events.sort((a, b) => a.at.localeCompare(b.at)).map((e) => `${day(e.at)}  ${e.text}`);
  return [`发展党员全程纪实：${file.case.personName}（规则 ${file.case.ruleSetVersion}）`, ...lines, `结果：${CASE_STATUS_LABELS[file.case.status]}`];
}
