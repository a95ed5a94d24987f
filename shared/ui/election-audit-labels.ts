import { ELECTION_STEPS } from '../domain/election/election';

/** The election's events and their details in the file (全程纪实), in Chinese. */

export const ELECTION_ACTION_LABELS: Record<string, string> = {
  'election.created': '发起换届选举',
  'election.step-opened': '生成换届选举待办',
  'election.step-recorded': '记录换届选举步骤',
  'election.announcement-published': '发布换届选举公告（内部公示）',
  'election.round-recorded': '录入计票结果',
  'election.officer-candidates-set': '确定书记、副书记候选人',
  'election.end-requested': '报请上级党组织批准终止选举',
  'election.end-rejected': '上级党组织不同意终止选举',
  'election.ended': '选举已终止',
  'election.results-recorded': '选举结果记入组织',
  'election.candidate-notice-passed': '候选人公示期满',
  'election.candidate-notice-stopped': '候选人公示未通过，重新推荐',
  'election.request-approved': '上级批准换届选举请示',
  'election.request-rejected': '上级不批准换届选举请示',
  'election.candidate-list-approved': '上级批准候选人预备人选',
  'election.candidate-list-rejected': '上级不批准候选人预备人选',
  'election.election-result-approved': '上级批准选举结果',
  'election.election-result-rejected': '上级不批准选举结果',
};

export const ELECTION_DETAIL_LABELS: Record<string, string> = {
  stepKey: '步骤',
  attempt: '次数',
  short: '人数不足',
  list: '名单',
  needed: '应有人数',
  invalidJoint: '联名人数不足',
  excluded: '不再提名',
  contest: '选举职务',
  officersDone: '书记、副书记已选出',
  elected: '当选',
  approvalId: '审批编号',
  results: '公示结果',
  repeat: '重新投票',
  problems: '问题',
  roundNo: '轮次',
  form: '选举方式',
  seats: '委员名额',
  noticeId: '公示编号',
  candidates: '候选人',
  reason: '原因',
  approvedBy: '批准人',
};

/** Values: the step keys by their labels, the contests and the next-round decisions. */
export const ELECTION_VALUE_LABELS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(ELECTION_STEPS).map(([key, step]) => [key, step.label])),
  committee: '委员', secretary: '书记', deputy: '副书记',
  complete: '选举完成', 're-vote': '得票相等，再次投票', unfilled: '名额未选满', invalid: '选举无效',
};
