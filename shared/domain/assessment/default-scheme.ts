import type { AdjustmentItem, Indicator, SchemeSettings } from './types';

/**
 * The default scheme (A1): 24 indicators in our own wording of what agency committees commonly assess, 100 points in
 * all, as data an administrator copies into a year's draft and edits on the scheme page (never code to change).
 */
export const DEFAULT_INDICATORS: Indicator[] = [
  // 组织建设
  { key: 'I01', area: '组织建设', name: '三会一课', maxPoints: 6, frequency: 'monthly', scoring: 'count', pointsPerCount: 2, requirement: '本月召开支部党员大会、支委会、党小组会和上党课的日期、议题、到会人数；会议记录扫描件。' },
  { key: 'I02', area: '组织建设', name: '主题党日', maxPoints: 4, frequency: 'monthly', scoring: 'done', requirement: '本月主题党日的日期、主题、参加人数及活动照片。' },
  { key: 'I03', area: '组织建设', name: '组织生活会', maxPoints: 5, frequency: 'yearly', scoring: 'graded', requirement: '组织生活会的会前准备、对照检查、批评与自我批评情况及整改清单。' },
  { key: 'I04', area: '组织建设', name: '民主评议党员', maxPoints: 5, frequency: 'yearly', scoring: 'done', requirement: '民主评议党员的时间、参评人数、评定等次结果及上报情况。' },
  { key: 'I05', area: '组织建设', name: '发展党员按期规范', maxPoints: 5, frequency: 'half-yearly', scoring: 'graded', prefill: 'development-on-time', requirement: '本期发展党员各步骤是否按期办理，逾期事项及原因。' },
  { key: 'I06', area: '组织建设', name: '按期换届', maxPoints: 4, frequency: 'yearly', scoring: 'done', prefill: 'election-on-time', requirement: '支部委员会任期届满前是否完成换届选举，选举结果批复文号。' },
  { key: 'I07', area: '组织建设', name: '党费收缴', maxPoints: 4, frequency: 'quarterly', scoring: 'done', requirement: '本季度党费按月足额收缴、按时上缴的情况，收缴台账。' },
  { key: 'I08', area: '组织建设', name: '党员教育管理', maxPoints: 4, frequency: 'quarterly', scoring: 'graded', requirement: '党员日常教育、流动党员和困难党员管理情况。' },
  { key: 'I09', area: '组织建设', name: '组织关系管理', maxPoints: 3, frequency: 'half-yearly', scoring: 'graded', requirement: '组织关系转接是否及时，党员信息是否准确完整。' },
  // 思想建设
  { key: 'I10', area: '思想建设', name: '理论学习', maxPoints: 6, frequency: 'monthly', scoring: 'count', pointsPerCount: 3, requirement: '本月集中学习的日期、内容、参加人数，学习记录。' },
  { key: 'I11', area: '思想建设', name: '学习强国与线上学习', maxPoints: 3, frequency: 'quarterly', scoring: 'graded', requirement: '本季度党员线上学习参与率及情况说明。' },
  { key: 'I12', area: '思想建设', name: '意识形态工作', maxPoints: 4, frequency: 'half-yearly', scoring: 'graded', requirement: '意识形态工作责任制落实、阵地管理情况。' },
  { key: 'I13', area: '思想建设', name: '宣传信息报送', maxPoints: 3, frequency: 'quarterly', scoring: 'count', pointsPerCount: 1, requirement: '本季度报送并被采用的党建信息篇数及标题。' },
  // 制度建设
  { key: 'I14', area: '制度建设', name: '党务公开', maxPoints: 4, frequency: 'quarterly', scoring: 'done', prefill: 'notice-objections-handled', requirement: '本季度党务公开的事项、方式，公示期间异议的处理结果。' },
  { key: 'I15', area: '制度建设', name: '支部工作计划与总结', maxPoints: 3, frequency: 'half-yearly', scoring: 'done', requirement: '半年工作计划或总结，经支委会讨论通过。' },
  { key: 'I16', area: '制度建设', name: '党建工作台账', maxPoints: 3, frequency: 'quarterly', scoring: 'graded', requirement: '各类会议记录、活动记录、党员档案是否齐全规范。' },
  { key: 'I17', area: '制度建设', name: '书记抓党建述职', maxPoints: 4, frequency: 'yearly', scoring: 'graded', requirement: '支部书记年度抓党建工作述职报告及问题清单。' },
  // 作风建设
  { key: 'I18', area: '作风建设', name: '谈心谈话', maxPoints: 4, frequency: 'quarterly', scoring: 'count', pointsPerCount: 1, requirement: '本季度支部书记与党员谈心谈话的次数及简要情况。' },
  { key: 'I19', area: '作风建设', name: '志愿服务', maxPoints: 4, frequency: 'quarterly', scoring: 'graded', requirement: '党员参加志愿服务、联系服务群众的情况及照片。' },
  { key: 'I20', area: '作风建设', name: '党建与业务融合', maxPoints: 5, frequency: 'half-yearly', scoring: 'graded', requirement: '党建工作促进业务工作的具体事例和成效。' },
  // 党风廉政建设
  { key: 'I21', area: '党风廉政建设', name: '廉政教育', maxPoints: 4, frequency: 'quarterly', scoring: 'done', requirement: '本季度廉政教育、警示教育活动的日期和内容。' },
  { key: 'I22', area: '党风廉政建设', name: '一岗双责落实', maxPoints: 4, frequency: 'half-yearly', scoring: 'graded', requirement: '支委会成员落实一岗双责、廉政风险排查情况。' },
  { key: 'I23', area: '党风廉政建设', name: '违纪违规情况', maxPoints: 4, frequency: 'yearly', scoring: 'done', requirement: '本年度党员有无违纪违规受处分情况（有则写明）。' },
  { key: 'I24', area: '党风廉政建设', name: '整改落实', maxPoints: 5, frequency: 'yearly', scoring: 'graded', requirement: '上年度考核及巡察发现问题的整改完成情况。' },
];

/** Bonus and deduction items with their yearly caps (A13). */
export const DEFAULT_ADJUSTMENTS: AdjustmentItem[] = [
  { key: 'B1', kind: 'bonus', name: '受到上级表彰', cap: 3 },
  { key: 'B2', kind: 'bonus', name: '党建创新经验被推广', cap: 2 },
  { key: 'D1', kind: 'deduction', name: '上级通报批评', cap: 5 },
  { key: 'D2', kind: 'deduction', name: '党员违纪违法', cap: 10 },
];

/** The default settings (A6, A7, A12, A14): 5 working days to report and to review, 1 point off for late, 80/20, 90/80/60. */
export const DEFAULT_SETTINGS: SchemeSettings = {
  reportDueWorkingDays: 5,
  reviewDueWorkingDays: 5,
  lateDeduction: 1,
  periodWeight: 80,
  reviewWeight: 20,
  grades: { good: 90, fairlyGood: 80, average: 60 },
};
