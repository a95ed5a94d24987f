import { chinaDate } from '../../shared/domain/calendar';
import { ELECTION_FORM_LABELS, ELECTION_PHASE_LABELS, ELECTION_STEPS, type Election, type ElectionPhase, type ElectionRound, type ElectionStepRecord } from '../../shared/domain/election/election';
import { committeeOf } from '../../shared/domain/election/announcement';
import { isPersonNotice, type Notice, type NoticeResult } from '../../shared/domain/notice/notice';
import type { Organization } from '../../shared/domain/registry/organization';
import type { ElectionFile } from '../../shared/services/election';

const RESULT_TEXT: Record<NoticeResult, string> = { proceed: '期满无异议或异议不成立', postponed: '暂缓', stopped: '异议查实，终止', withdrawn: '已撤回' };
const APPROVAL: Record<Election['approvals'][number]['kind'], { phase: ElectionPhase; label: string }> = {
  request: { phase: 'publicize', label: '换届选举请示' },
  'candidate-list': { phase: 'candidates', label: '候选人预备人选' },
  'election-result': { phase: 'results', label: '选举结果' },
};
const CONTEST: Record<ElectionRound['contest'], string> = { committee: '委员', secretary: '书记', deputy: '副书记' };
const POST: Record<Organization['committee'][number]['post'], string> = { secretary: '书记', 'deputy-secretary': '副书记', member: '委员' };

const names = (list: readonly string[]) => (list.length > 0 ? list.join('、') : '无');

function stepOutcome(record: ElectionStepRecord): string {
  const { values, outcome } = record;
  switch (record.stepKey) {
    case 'announcement': return `《${String(values.title)}》，公告期 ${String(values.periodCount)} 个${values.periodUnit === 'workingDays' ? '工作日' : '自然日'}`;
    case 'mobilization': return `参会 ${String(values.attendees)} 人`;
    case 'evaluation': return `${String(values.raters)} 人参加评议，不再提名：${names(outcome.excluded as string[])}`;
    case 'recommendation': return outcome.short
      ? `得票过半数者不足 ${String(outcome.needed)} 名，再次推荐`
      : `候选人预备人选 ${names(outcome.list as string[])}（应有 ${String(outcome.needed)} 名）`;
    default: return JSON.stringify(outcome);
  }
}

function roundOutcome(round: ElectionRound): string {
  const votes = Object.entries(round.result.votes).map(([name, n]) => `${name} ${n}`).join('、');
  const next = round.next.kind === 're-vote' ? `；得票相等，在 ${names(round.next.among)} 中再次投票选 ${round.next.seats} 名`
    : round.next.kind === 'invalid' ? '；选举无效，重新投票'
    : round.next.kind === 'unfilled' ? `；尚缺 ${round.next.seats} 名` : '';
  return `第${round.no}轮 选举${CONTEST[round.contest]}（${round.seats} 名，实到 ${round.present} 人）：${votes}；当选 ${names(round.result.elected)}${next}`;
}

function noticeText(notice: Notice): string {
  const until = `至 ${chinaDate(new Date(notice.endsAt))} 止`;
  if (notice.kind === 'election-announcement') return `公告   ${notice.matter.title}（内部公示），${until}：${notice.result ? '期满结束' : '进行中'}`;
  const result = notice.result ? RESULT_TEXT[notice.result] : '进行中';
  const who = isPersonNotice(notice) ? notice.subject.name : (notice.matter.people ?? []).map((p) => p.name).join('、');
  return `公示   候选人预备人选 ${who} 公示，${until}：${result}，异议 ${notice.objectionCount} 件`;
}

/**
 * The election file (全程纪实) with its notices and the organization after it, as dated lines in the order they
 * happened (at one instant: approval, step, notice, round by number, results), ending with the registry's committee.
 */
export function electionTimeline(file: ElectionFile, notices: readonly Notice[], org: Organization): string[] {
  const { election } = file;
  const entries: { at: string; order: number; phase: ElectionPhase; text: string }[] = [];
  const created = `报送换届选举请示（${ELECTION_FORM_LABELS[election.form]}，委员 ${election.seats} 名，副书记 ${election.deputies} 名，计划 ${election.plan.meetingDate} 召开党员大会）`;
  entries.push({ at: election.createdAt, order: 0, phase: 'publicize', text: created });
  for (const approval of election.approvals) {
    const { phase, label } = APPROVAL[approval.kind];
    entries.push({ at: approval.decidedAt, order: 1, phase, text: `上级党组织${approval.outcome === 'approved' ? '批准' : '不批准'}${label}` });
  }
  for (const record of file.steps) {
    const step = ELECTION_STEPS[record.stepKey];
    const again = record.attempt > 1 ? `（第${record.attempt}次）` : '';
    entries.push({ at: record.at, order: 2, phase: step.phase, text: `${step.label}${again} — ${stepOutcome(record)} — ${record.actorName}` });
  }
  for (const notice of notices) {
    entries.push({ at: notice.publishedAt, order: 3, phase: notice.audience === 'internal' ? 'publicize' : 'candidates', text: noticeText(notice) });
  }
  for (const round of file.rounds) entries.push({ at: round.at, order: 10 + round.no, phase: 'election', text: roundOutcome(round) });
  if (election.completedAt) {
    entries.push({ at: election.completedAt, order: 1000, phase: 'results', text: `选举结果记入组织名册，任期 ${election.termStart} 至 ${election.termEnd}` });
  }
  entries.sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order);
  const committee = org.committee.map((m) => `${POST[m.post]} ${m.name}`).join('，');
  return [
    `${election.orgName}换届选举全程纪实（${ELECTION_FORM_LABELS[election.form]}，规则版本 ${election.rulesVersion}）`,
    ...entries.map((e) => `${chinaDate(new Date(e.at))}  ${ELECTION_PHASE_LABELS[e.phase].padEnd(12, '　')}${e.text}`),
    `组织名册：${committeeOf(org.name)} ${committee}；任期 ${org.termStart ?? '—'} 至 ${org.termEnd ?? '—'}`,
  ];
}
