/** One-line confirmations after a redirect, chosen from fixed texts by the query (nothing is echoed). */
const OUTCOME_TEXT: Record<string, string> = {
  proceed: '调查结论已记录：全部异议不属实，程序继续推进。',
  postponed: '调查结论已记录：程序暂缓',
  stopped: '调查结论已记录：异议属实，程序终止。',
};

export function noticeFlash(query: Record<string, string>): string | undefined {
  if (query.withdrawn) return '公示已撤回。';
  if (query.handled) return '该待办事项已办结。';
  const outcome = query.outcome ? OUTCOME_TEXT[query.outcome] : undefined;
  if (outcome && query.outcome === 'postponed') {
    return /^\d{4}-\d{2}-\d{2}$/.test(query.reviewDate ?? '') ? `${outcome}，复核日期 ${query.reviewDate}。` : `${outcome}。`;
  }
  return outcome;
}
