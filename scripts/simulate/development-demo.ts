import { ManualClock } from '../../infra/local/clock';
import { createLocalRuntime, type LocalRuntime } from '../../infra/local/runtime';
import { chinaDate } from '../../shared/domain/calendar';
import type { NoticeNode } from '../../shared/domain/development/rule-set';
import type { StageNo } from '../../shared/domain/development/steps';
import type { Actor } from '../../shared/services/actor';
import { decideByLink } from '../../shared/services/approval';
import { caseNoticeId, getCaseFile, openCase, recordPeriodStep, startStage, submitStepForm } from '../../shared/services/development';
import { getCase } from '../../shared/store/cases-repo';
import type { OutgoingMail } from '../../shared/services/ports';
import { getNotice } from '../../shared/store/notices-repo';
import type { Store } from '../../shared/store/store';
import { APPROVER_EMAIL, BRANCH_STAFF, COMMITTEE_STAFF, seedDemoWorld } from './demo-world';
import { formatTimeline } from './timeline';

class ListMailer {
  readonly sent: OutgoingMail[] = [];
  async send(mail: OutgoingMail) {
    this.sent.push(mail);
  }
}

/**
 * One demo case from application to full membership on a hand-driven clock (it jumps from one step to the next):
 * the forms through the services, approvals through the links mailed to the approver. Answers the case's timeline.
 */
export async function runDevelopmentDemo(store: Store, start = '2026-01-05T02:00:00.000Z'): Promise<string[]> {
  const clock = new ManualClock(start);
  const mailer = new ListMailer();
  const runtime: LocalRuntime = createLocalRuntime({ store, clock, mailer, publicBaseUrl: 'http://127.0.0.1:3000', schedulerIntervalMs: 0 });
  await runtime.start();
  const { deps } = runtime;
  try {
    const world = await seedDemoWorld(store);
    const settled = () => runtime.stepFunctions.settled();
    const today = () => chinaDate(clock.now());
    const at = async (instant: string | number) => {
      clock.set(new Date(instant));
      await settled();
    };
    const nextDay = () => at(clock.now().getTime() + 86_400_000);
    // Ten minutes between two actions of staff, so the timeline keeps their order.
    const later = () => at(clock.now().getTime() + 600_000);
    const devCase = await openCase(deps, BRANCH_STAFF, { personId: world.applicantId, applicationDate: today() });
    const caseId = devCase.id;
    await settled();
    const submit = async (key: string, form: Record<string, unknown>, actor: Actor = BRANCH_STAFF) => {
      await later();
      await submitStepForm(deps, actor, caseId, key, form);
      await settled();
    };
    const start = async (stage: StageNo) => {
      const next = (await getCase(store, caseId))?.nextStage;
      if (next && today() < next.earliestStart) await at(`${next.earliestStart}T01:00:00.000Z`);
      await later();
      await startStage(deps, BRANCH_STAFF, caseId, stage);
      await settled();
    };
    const endNotice = async (node: NoticeNode) => {
      const attempt = (await getCase(store, caseId))?.attempt ?? 1;
      const notice = await getNotice(store, caseNoticeId(caseId, node, attempt));
      if (notice) await at(notice.endsAtMs + 9 * 3_600_000);
    };
    const approve = async () => {
      await later();
      const mail = mailer.sent.filter((m) => m.to.includes(APPROVER_EMAIL)).at(-1);
      const link = /\/approvals\/([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1] ?? '';
      await decideByLink(deps, link, { outcome: 'approved', meetingDate: today(), comment: '经党委会集体研究，同意。' }, { ip: '127.0.0.1', userAgent: 'simulate' });
      await settled();
    };
    const vote = (extra: Record<string, unknown> = {}) => ({ meetingDate: today(), shouldAttend: 3, exclusions: '无', present: 3, yes: 3, oneAtATime: 'on', discussion: '与会党员一致同意。', ...extra });

    await nextDay();
    await submit('talk', { talkDate: today(), talker: '李组织委员', content: '了解入党动机，提出努力方向。' });
    await start(2);
    await submit('activistDecision', { decisionDate: today(), memberRecommendations: 3, massRecommendations: 1, decidedBy: 'branch-committee', minutes: '支委会研究，确定为入党积极分子。' });
    await endNotice('activist');
    await submit('contacts', { assignedDate: today(), contactIds: [world.members[0]] });
    for (const month of ['2026-07-03', '2026-12-28']) {
      await at(`${month}T02:00:00.000Z`);
      await later();
      await recordPeriodStep(deps, BRANCH_STAFF, caseId, 'evaluation', { evaluationDate: today(), content: '思想进步，工作积极。' });
    }
    await start(3);
    await submit('targetDecision', { decisionDate: today(), groupOpinion: '同意', contactsOpinion: '同意', membersOpinion: '同意', minutes: '支委会研究，列为发展对象。' });
    await endNotice('developmentTarget');
    await submit('sponsors', { assignedDate: today(), sponsorIds: world.members.slice(1, 3) });
    await submit('politicalReview', { reviewDate: today(), result: 'qualified', conclusion: '政治审查合格。' }, COMMITTEE_STAFF);
    await submit('training', { startDate: today(), endDate: today(), days: 3, hours: 24, organizer: '某机关党委' }, COMMITTEE_STAFF);
    await start(4);
    await submit('committeeReview', { reviewDate: today(), conclusion: '条件成熟，同意报上级党委预审。' });
    await approve();
    await endNotice('admission');
    await submit('applicationForm', { filledDate: today() });
    await submit('generalMeeting', vote());
    await submit('interview', { interviewDate: today(), interviewer: '王组织员', content: '入党动机端正。' }, COMMITTEE_STAFF);
    await nextDay();
    await approve();
    await later();
    await recordPeriodStep(deps, BRANCH_STAFF, caseId, 'placement', { placedDate: today(), partyGroup: '第一党小组' });
    await later();
    await recordPeriodStep(deps, BRANCH_STAFF, caseId, 'oath', { oathDate: today(), place: '党员活动室', leader: '李书记' });
    await start(5);
    await later();
    await recordPeriodStep(deps, BRANCH_STAFF, caseId, 'probationEvaluation', { evaluationDate: today(), content: '预备期表现良好。' });
    await submit('conversionApplication', { applicationDate: today() });
    await endNotice('conversion');
    await submit('conversionMeeting', vote({ outcome: 'on-time' }));
    await approve();
    await submit('archive', { archivedDate: today(), location: '某机关党委组织科档案柜' }, COMMITTEE_STAFF);
    return formatTimeline(await getCaseFile(deps, COMMITTEE_STAFF, caseId));
  } finally {
    await runtime.shutdown();
  }
}
