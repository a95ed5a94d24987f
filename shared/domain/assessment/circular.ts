import type { AssessmentReport } from './assessment-report';
import { rankByScore } from './ranking';
import { round1 } from './scoring';

type CircularReport = Pick<AssessmentReport, 'orgId' | 'orgName' | 'status' | 'score' | 'fullMarks' | 'late' | 'returns'>;

/** The longest text a notice takes (the notice draft's limit): a circular never goes beyond it. */
export const CIRCULAR_MAX_CHARS = 5000;
/** How many of the ranking a circular too long for one notice keeps (the addressee's own place is always given). */
export const CIRCULAR_TOP = 20;
/** Of a long circular, the characters each list (late, returned, not scored) may take before it says how many more. */
const LIST_BUDGET = 600;

/** Why a report is not in the ranking of a circular sent at the review deadline (A16a). */
const UNSCORED_LABELS: Record<Exclude<AssessmentReport['status'], 'scored'>, string> = { submitted: '已报送，待审核', returned: '已退回，尚未重新报送', open: '未报送' };

/** Names joined with 、 as far as `budget` characters go, then how many more ("等 12 个组织"). */
function namesWithin(names: readonly string[], budget: number): string {
  if (names.length === 0) return '无';
  let text = '';
  let shown = 0;
  for (const name of names) {
    const next = shown === 0 ? name.slice(0, budget) : `${text}、${name}`;
    if (shown > 0 && next.length > budget) break;
    text = next;
    shown += 1;
  }
  return shown === names.length ? text : `${text}等 ${names.length} 个组织`;
}

/**
 * The circular's text (A16, A16a): the scored reports ranked with their scores, then the late and returned reports,
 * and, when it goes out at the review deadline with reports not scored, those reports and where each stands. When all
 * that would not fit in one notice (a committee of several hundred organizations), the text for the organization
 * `forOrgId` keeps the first CIRCULAR_TOP of the ranking, that organization's own place, and each list as far as it fits
 * with how many there are: never longer than CIRCULAR_MAX_CHARS.
 */
export function circularBody(reports: readonly CircularReport[], forOrgId?: string): string {
  const scored = reports.filter((r) => r.status === 'scored');
  const ranked = rankByScore(scored.map((r) => ({ name: r.orgName, orgId: r.orgId, score: r.score ?? 0, fullMarks: r.fullMarks })));
  const line = (r: (typeof ranked)[number]) => `第 ${r.rank} 名　${r.item.name}　${round1(r.item.score)} 分（满分 ${r.item.fullMarks} 分）`;
  const late = reports.filter((r) => r.late).map((r) => r.orgName);
  const returned = reports.filter((r) => r.returns.length > 0).map((r) => `${r.orgName}（退回 ${r.returns.length} 次）`);
  const unscored = reports.flatMap((r) => (r.status === 'scored' ? [] : [`${r.orgName}（${UNSCORED_LABELS[r.status]}）`]));
  const unscoredHeading = '四、审核期限届满时尚未评分（不参加本期排名）';
  const full = [
    '一、得分及排名', ...(ranked.length > 0 ? ranked.map(line) : ['无']), '',
    '二、逾期报送', late.length > 0 ? late.join('、') : '无', '',
    '三、退回修改', returned.length > 0 ? returned.join('、') : '无',
    ...(unscored.length > 0 ? ['', unscoredHeading, unscored.join('、')] : []),
  ].join('\n');
  if (full.length <= CIRCULAR_MAX_CHARS) return full;

  const own = ranked.find((r) => r.item.orgId === forOrgId);
  const ownReport = reports.find((r) => r.orgId === forOrgId);
  const ownLine = own ? `本组织：${line(own)}` : ownReport && ownReport.status !== 'scored' ? `本组织：${ownReport.orgName}（${UNSCORED_LABELS[ownReport.status]}，不参加本期排名）` : undefined;
  const short = [
    `本期共 ${reports.length} 个组织，已评分 ${scored.length} 个。组织较多，本通报列出前 ${Math.min(CIRCULAR_TOP, ranked.length)} 名和本组织的名次。`, '',
    '一、得分及排名', ...ranked.slice(0, CIRCULAR_TOP).map(line), ...(ranked.length > CIRCULAR_TOP ? ['……'] : []), ...(ownLine ? [ownLine] : []), '',
    `二、逾期报送（共 ${late.length} 个）`, namesWithin(late, LIST_BUDGET), '',
    `三、退回修改（共 ${returned.length} 个）`, namesWithin(returned, LIST_BUDGET),
    ...(unscored.length > 0 ? ['', `${unscoredHeading}（共 ${unscored.length} 个）`, namesWithin(unscored, LIST_BUDGET)] : []),
  ].join('\n');
  return short.slice(0, CIRCULAR_MAX_CHARS);
}
