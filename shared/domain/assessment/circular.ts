import type { AssessmentReport } from './assessment-report';
import { rankByScore } from './ranking';
import { round1 } from './scoring';

type CircularReport = Pick<AssessmentReport, 'orgName' | 'status' | 'score' | 'fullMarks' | 'late' | 'returns'>;

/** Why a report is not in the ranking of a circular sent at the review deadline (A16a). */
const UNSCORED_LABELS: Record<Exclude<AssessmentReport['status'], 'scored'>, string> = { submitted: '已报送，待审核', returned: '已退回，尚未重新报送', open: '未报送' };

/**
 * The circular's text (A16, A16a): the scored reports ranked with their scores, then the late and returned reports,
 * and, when it goes out at the review deadline with reports not scored, those reports and where each stands.
 */
export function circularBody(reports: readonly CircularReport[]): string {
  const scored = reports.filter((r) => r.status === 'scored');
  const ranked = rankByScore(scored.map((r) => ({ name: r.orgName, score: r.score ?? 0, fullMarks: r.fullMarks })));
  const lines = ranked.map((r) => `第 ${r.rank} 名　${r.item.name}　${round1(r.item.score)} 分（满分 ${r.item.fullMarks} 分）`);
  const late = reports.filter((r) => r.late).map((r) => r.orgName);
  const returned = reports.filter((r) => r.returns.length > 0).map((r) => `${r.orgName}（退回 ${r.returns.length} 次）`);
  const unscored = reports.flatMap((r) => (r.status === 'scored' ? [] : [`${r.orgName}（${UNSCORED_LABELS[r.status]}）`]));
  return [
    '一、得分及排名', ...(lines.length > 0 ? lines : ['无']), '',
    '二、逾期报送', late.length > 0 ? late.join('、') : '无', '',
    '三、退回修改', returned.length > 0 ? returned.join('、') : '无',
    ...(unscored.length > 0 ? ['', '四、审核期限届满时尚未评分（不参加本期排名）', unscored.join('、')] : []),
  ].join('\n');
}
