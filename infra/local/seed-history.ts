import { chinaDate } from '../../shared/domain/calendar';
import type { NoticeNode } from '../../shared/domain/development/rule-set';
import type { StageNo } from '../../shared/domain/development/steps';
import type { Actor } from '../../shared/services/actor';
import { resolveActor } from '../../shared/services/authorization';
import { acknowledgeFiling, caseNoticeId, openCase, recordPeriodStep, startStage, submitStepForm } from '../../shared/services/development';
import type { OutgoingMail } from '../../shared/services/ports';
import { getCase } from '../../shared/store/cases-repo';
import { getNotice } from '../../shared/store/notices-repo';
import type { Store } from '../../shared/store/store';
import { ManualClock } from './clock';
import { createLocalRuntime, type LocalRuntime } from './runtime';
import { demoActor } from './seed';
import { demoPerson } from './seed-data';

/**
 * A demo development case with its history (发展党员全程纪实): 刘洋 of the office branch, from her application of
 * 10 March 2025 through the activist year to development target (stage III done, stage IV not yet started), every
 * step recorded through the services on a clock that runs through those days: the talk within the month, the activist
 * notice and filing, a cultivation contact, two half-yearly evaluations, the development-target decision after the
 * year, its notice and filing, two sponsors, the political review and three days of training. The registry follows the
 * case (activist from 15 April 2025, development target from 16 April 2026). Its case id is fixed, so it is built once.
 */
export const DEMO_HISTORY_CASE_ID = 'cdemo-liuyang';
export const DEMO_HISTORY_PERSON = 'office-02';
/** The last instant the history writes; a demo clock before it gets no history. */
export const DEMO_HISTORY_END = '2026-05-21T03:00:00.000Z';

class HistoryMailer {
  readonly sent: OutgoingMail[] = [];
  async send(mail: OutgoingMail): Promise<void> {
    this.sent.push(mail);
  }
}

class History {
  private readonly clock = new ManualClock('2025-03-10T02:00:00.000Z');
  private readonly mailer = new HistoryMailer();
  readonly runtime: LocalRuntime;
  private acknowledged = 0;

  constructor(store: Store) {
    this.runtime = createLocalRuntime({ store, clock: this.clock, mailer: this.mailer, publicBaseUrl: 'http://localhost', schedulerIntervalMs: 0 });
    let next = 0;
    // The case takes the first id: fixed, so that a second start finds it.
    this.runtime.deps.newId = () => (next++ === 0 ? DEMO_HISTORY_CASE_ID.slice(1) : `demo-history-${next}`);
  }

  today(): string {
    return chinaDate(this.clock.now());
  }

  async at(day: string): Promise<void> {
    this.clock.set(`${day}T02:00:00.000Z`); // 10:00 China time
    await this.runtime.stepFunctions.settled();
  }

  async settled(): Promise<void> {
    await this.runtime.stepFunctions.settled();
    // The committee's staff acknowledge the filings mailed to them (备案确认), as they would from the mail.
    for (const mail of this.mailer.sent.slice(this.acknowledged)) {
      const link = /\/filings\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
      if (link) await acknowledgeFiling(this.runtime.deps, link);
    }
    this.acknowledged = this.mailer.sent.length;
  }

  async submit(actor: Actor, stepKey: string, form: Record<string, unknown>): Promise<void> {
    await submitStepForm(this.runtime.deps, actor, DEMO_HISTORY_CASE_ID, stepKey, form);
    await this.settled();
  }

  async start(actor: Actor, stage: StageNo): Promise<void> {
    await startStage(this.runtime.deps, actor, DEMO_HISTORY_CASE_ID, stage);
    await this.settled();
  }

  /** The node's notice runs its period; the next morning the branch goes on. */
  async noticeEnds(node: NoticeNode): Promise<void> {
    const notice = await getNotice(this.runtime.deps.store, caseNoticeId(DEMO_HISTORY_CASE_ID, node, 1));
    if (!notice) throw new Error(`The demo history has no ${node} notice`);
    this.clock.set(new Date(notice.endsAtMs + 10 * 3_600_000)); // 10:00 the day after the last day
    await this.settled();
  }
}

/**
 * Builds the demo history once (nothing when its case exists, or when the demo clock is before its end). Its runtime
 * resumes every open execution of the store on its own clock: call it on a store with none (a fresh demo).
 */
export async function seedDemoHistory(store: Store, now: Date): Promise<boolean> {
  if (now.getTime() < Date.parse(DEMO_HISTORY_END) || (await getCase(store, DEMO_HISTORY_CASE_ID))) return false;
  const history = new History(store);
  await history.runtime.start();
  try {
    const { deps } = history.runtime;
    const branch = await resolveActor(store, demoActor('bangongshi'));
    const committee = await resolveActor(store, demoActor('zuzhiyuan'));
    const [huangLi, zhouQiang] = [demoPerson('office-05').id, demoPerson('office-06').id];

    await openCase(deps, branch, { personId: demoPerson(DEMO_HISTORY_PERSON).id, applicationDate: '2025-03-10' });
    await history.settled();
    await history.at('2025-03-20');
    await history.submit(branch, 'talk', { talkDate: history.today(), talker: '周强 支部组织委员', content: '了解入党动机和对党的认识，鼓励其积极向党组织靠拢。' });

    await history.at('2025-04-15');
    await history.start(branch, 2);
    await history.submit(branch, 'activistDecision', {
      decisionDate: history.today(), memberRecommendations: 5, massRecommendations: 1, decidedBy: 'branch-committee', minutes: '支部委员会研究，同意确定为入党积极分子。',
    });
    await history.noticeEnds('activist');
    await history.submit(branch, 'contacts', { assignedDate: history.today(), contactIds: [zhouQiang] });
    await history.at('2025-10-14');
    await recordPeriodStep(deps, branch, DEMO_HISTORY_CASE_ID, 'evaluation', { evaluationDate: history.today(), content: '学习认真，能按时参加支部组织的学习活动。' });
    await history.at('2026-04-08');
    await recordPeriodStep(deps, branch, DEMO_HISTORY_CASE_ID, 'evaluation', { evaluationDate: history.today(), content: '工作积极主动，群众评价较好。' });

    await history.at('2026-04-16'); // one year after 15 April 2025
    await history.start(branch, 3);
    await history.submit(branch, 'targetDecision', {
      decisionDate: history.today(), groupOpinion: '党小组同意', contactsOpinion: '培养联系人同意', membersOpinion: '党员和群众意见一致同意', minutes: '支部委员会研究，同意列为发展对象。',
    });
    await history.noticeEnds('developmentTarget');
    await history.submit(branch, 'sponsors', { assignedDate: history.today(), sponsorIds: [huangLi, zhouQiang] });
    await history.at('2026-05-12');
    await history.submit(committee, 'politicalReview', { reviewDate: history.today(), result: 'qualified', conclusion: '经函调和本人谈话，政治审查合格。' });
    await history.at('2026-05-21');
    await history.submit(committee, 'training', { startDate: '2026-05-18', endDate: '2026-05-20', days: 3, organizer: '数据管理局机关党委' });
    return true;
  } finally {
    await history.runtime.shutdown();
  }
}
