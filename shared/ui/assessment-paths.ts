/** The assessment pages' addresses (党建工作目标考核). */
const e = encodeURIComponent;
export const assessmentPaths = {
  home: '/staff/assessment',
  board: (committeeId: string, year: number, sort?: string) => `/staff/assessment/boards/${e(committeeId)}/${year}${sort ? `?sort=${e(sort)}` : ''}`,
  file: (orgId: string) => `/staff/assessment/orgs/${e(orgId)}`,
  report: (committeeId: string, periodKey: string, orgId: string) => `/staff/assessment/reports/${e(committeeId)}/${e(periodKey)}/${e(orgId)}`,
  scheme: (committeeId: string, year: number) => `/staff/assessment/schemes/${e(committeeId)}/${year}`,
  yearEnd: (committeeId: string, year: number) => `/staff/assessment/year-end/${e(committeeId)}/${year}`,
};
