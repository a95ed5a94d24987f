import { chinaDate } from '../../shared/domain/calendar';
import { DEVELOPMENT_STEPS } from '../../shared/domain/development/steps';
import { NOTICE_KIND_LABELS, type NoticeResult } from '../../shared/domain/notice/notice';
import type { CaseFile } from '../../shared/services/development';

const RESULT_TEXT: Record<NoticeResult, string> = { proceed: '期满无异议或异议不成立', postponed: '暂缓', stopped: '异议查实，终止', withdrawn: '已撤回' };

/** The case file (全程纪实) as dated lines, steps and notices in the order they happened. */
export function developmentTimeline(file: CaseFile): string[] {
  const entries: { at: string; order: number; text: string }[] = [];
  for (const record of file.steps) {
    const label = DEVELOPMENT_STEPS.find((s) => s.no === record.stepNo)?.label ?? record.stepKey;
    const late = record.lateFlag ? '（逾期）' : '';
    entries.push({ at: record.at, order: record.stepNo, text: `第${String(record.stepNo).padStart(2, ' ')}步 ${label}${late} — ${record.actorName}` });
  }
  for (const { notice, objections } of file.notices) {
    const result = notice.result ? RESULT_TEXT[notice.result] : '进行中';
    entries.push({
      at: notice.publishedAt,
      order: 99, // published right after the step recorded at the same instant
      text: `公示   ${NOTICE_KIND_LABELS[notice.kind]}公示，至 ${chinaDate(new Date(notice.endsAt))} 止：${result}，异议 ${objections.length} 件`,
    });
  }
  entries.sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order);
  const { case: devCase } = file;
  return [
    `${devCase.personName} 的发展党员全程纪实（规则版本 ${devCase.ruleSetVersion}）`,
    ...entries.map((e) => `${chinaDate(new Date(e.at))}  ${e.text}`),
  ];
}
