import type { DevelopmentCase } from '../../domain/development/case';
import { currentProbationEndDate } from '../../domain/development/conversion';
import { cultivationCompleteDate } from '../../domain/development/cultivation';
import { caseDeadlines } from '../../domain/development/deadlines';
import type { DevelopmentRuleSet } from '../../domain/development/rule-set';
import { NOTICE_NODE_LABELS } from '../../domain/development/rule-set';
import { talkDueDate } from '../../domain/development/talk';
import { checkGeneralMeetingVote, describeGeneralMeetingVote, moreThanHalf } from '../../domain/development/vote';
import type { MeetingAttendance } from '../../domain/registry/attendance';

/**
 * What a step form explains before it is filled in (the rules of docs/domain/development.md with this case's dates and figures), in
 * Chinese. The service applies the same rules on submission; these texts only say them in advance.
 */
export interface ExplainInput {
  key: string;
  devCase: DevelopmentCase;
  rules: DevelopmentRuleSet;
  today: string;
  /** For the general meetings: who should attend today according to the registry. */
  attendance?: MeetingAttendance & { shouldAttendCount: number };
  /** The values just submitted (to explain a vote's figures). */
  values?: Record<string, string>;
}

const period = (rules: DevelopmentRuleSet) => `${rules.notice.count} 个${rules.notice.unit === 'workingDays' ? '工作日' : '自然日'}`;

function voteTexts(input: ExplainInput): string[] {
  const texts: string[] = [];
  const a = input.attendance;
  if (a) {
    const excluded = a.excluded.map((e) => `${e.name}（${e.reasonLabel}）`).join('、');
    const q = moreThanHalf(Math.max(a.shouldAttendCount, 1));
    texts.push(`按党员名册，今天（${input.today}）应到会有表决权的正式党员 ${a.shouldAttendCount} 人${a.excluded.length ? `，已扣除不计入应到会人数的 ${a.excluded.length} 人：${excluded}` : ''}。`);
    texts.push(`到会人数须超过应到会人数的半数，即至少 ${q} 人；赞成票（含未到会党员的书面意见）须超过应到会人数的半数，即至少 ${q} 票。预备党员没有表决权。`);
  }
  const v = input.values;
  if (v && v.shouldAttend && v.present && v.yes) {
    const numbers = { shouldAttend: Number(v.shouldAttend), present: Number(v.present), yes: Number(v.yes), writtenYes: v.writtenYes ? Number(v.writtenYes) : undefined, writtenNo: v.writtenNo ? Number(v.writtenNo) : undefined };
    try {
      const result = checkGeneralMeetingVote(numbers);
      texts.push(`按填写的人数计算：${describeGeneralMeetingVote(numbers, result)}`);
    } catch (error) {
      texts.push(`填写的人数不一致：${(error as Error).message}。`);
    }
  }
  return texts;
}

export function explainStep(input: ExplainInput): string[] {
  const { devCase, rules, today } = input;
  const { dates } = devCase;
  switch (input.key) {
    case 'talk': {
      const due = talkDueDate(dates.applicationDate, rules);
      const late = today > due ? `今天（${today}）已超过期限：仍可登记，但须填写超过期限的原因，记录将标注为逾期谈话。` : `今天是 ${today}，尚在期限内。`;
      return [`收到入党申请书日期 ${dates.applicationDate}，应在 ${rules.talkWithinMonths} 个月内、即 ${due} 前派人谈话。${late}`];
    }
    case 'activistDecision':
      return [
        '党员推荐和群团组织推优的情况须如实登记；由支部委员会（未设支部委员会的由支部大会）研究决定，不以推荐票数简单决定。',
        rules.noticeNodes.activist ? `决定后进行${NOTICE_NODE_LABELS.activist}（${period(rules)}），公示期满且无查实的异议后报上级党委备案。` : '确定后报上级党委备案。',
      ];
    case 'contacts':
      return [`指定 ${rules.cultivationContacts.min}至${rules.cultivationContacts.max} 名培养联系人，须为正式党员，且未受留党察看处分、未被停止党员权利；本人不能担任。`];
    case 'evaluation':
    case 'probationEvaluation': {
      const next = caseDeadlines(dates, today, rules).find((d) => d.kind === 'evaluation-due');
      return [`每 ${rules.evaluationIntervalMonths} 个月考察一次。${next ? `下一次考察应在 ${next.dueDate} 前完成。` : ''}`];
    }
    case 'targetDecision': {
      if (!dates.activistDate) return [];
      const complete = cultivationCompleteDate(dates.activistDate, rules);
      const reached = today >= complete ? '今天已满，可以确定为发展对象。' : `今天（${today}）尚未满，不能确定为发展对象。`;
      return [
        `确定为入党积极分子日期 ${dates.activistDate}，培养教育考察满 ${rules.minimumCultivationMonths} 个月的日期为 ${complete}：${reached}`,
        '须听取党小组、培养联系人、党员和群众的意见，由支部委员会研究决定。',
        rules.noticeNodes.developmentTarget ? `决定后进行${NOTICE_NODE_LABELS.developmentTarget}（${period(rules)}）。` : '',
      ].filter(Boolean);
    }
    case 'sponsors':
      return [`确定 ${rules.sponsorCount} 名入党介绍人，须为正式党员，且未受留党察看处分、未被停止党员权利；本人不能担任。下拉列表标明了每个人是否符合条件。`];
    case 'politicalReview':
      return ['政治审查须形成书面结论；结论为不合格的，不能发展入党。'];
    case 'training':
      return [`集中培训时间一般不少于 ${rules.training.minDays} 天或不少于 ${rules.training.minHours} 个学时，天数和学时至少填写一项。`];
    case 'committeeReview':
      return [`预计 ${rules.leavingWithinMonths} 个月内离开本单位的发展对象，一般不办理接收预备党员手续；确需办理的，须说明原因。审查后报上级党委预审。`];
    case 'applicationForm':
      return [rules.noticeNodes.admission ? `${NOTICE_NODE_LABELS.admission}期满、且没有查实的异议后，方可发放和填写入党志愿书。` : '上级党委预审合格后，方可发放和填写入党志愿书。'];
    case 'generalMeeting':
      return ['支部大会讨论接收预备党员，须逐个讨论、逐个表决，采取无记名投票方式。', ...voteTexts(input)];
    case 'conversionMeeting': {
      const end = dates.admissionMeetingDate ? currentProbationEndDate(dates.admissionMeetingDate, dates.probationExtensions ?? [], rules) : undefined;
      return [
        end ? `预备期自接收其为预备党员的支部大会之日（${dates.admissionMeetingDate}）起计算，${end} 期满。` : '',
        `讨论结果可以是按期转正、延长预备期（${rules.extension.minMonths}至${rules.extension.maxMonths} 个月，只能延长 ${rules.extension.maxTimes} 次）或取消预备党员资格。`,
        ...voteTexts(input),
      ].filter(Boolean);
    }
    case 'conversionApplication':
      return dates.admissionMeetingDate ? [`预备期 ${currentProbationEndDate(dates.admissionMeetingDate, dates.probationExtensions ?? [], rules)} 期满，期满时本人提出书面转正申请。`] : [];
    case 'interview':
      return ['上级党委派委员或组织员同发展对象谈话，了解情况后提出意见。'];
    case 'placement':
    case 'oath':
      return ['上级党委批准为预备党员后，编入党支部和党小组，并组织入党宣誓。'];
    case 'archive':
      return ['转正后将入党材料归入本人档案；党龄自转为正式党员之日算起。'];
    default:
      return input.key.startsWith('noticeReview-') ? ['公示收到的异议暂缓办理的，在复核日期以后记录复核结论：异议不成立的继续办理，查实的终止发展。'] : [];
  }
}
