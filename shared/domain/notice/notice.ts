/** The public notice (公示) of DOMAIN §4: what is shown, for how long, and what came of it. */

export type NoticeKind = 'activist' | 'development-target' | 'admission' | 'conversion' | 'candidates' | 'other';
export type NoticeAudience = 'public' | 'internal';
export type NoticeStatus = 'open' | 'closed' | 'withdrawn';
export type NoticeResult = 'proceed' | 'postponed' | 'stopped' | 'withdrawn';

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  activist: '入党积极分子',
  'development-target': '发展对象',
  admission: '拟接收预备党员',
  conversion: '预备党员拟转正',
  candidates: '候选人预备人选',
  other: '其他事项',
};

/** The personal data a notice may show (DOMAIN §2): never the ID number, phone or address. */
export interface NoticeSubject {
  name: string;
  gender: '男' | '女';
  /** YYYY-MM */
  birthYearMonth: string;
  education: string;
  unitPost: string;
}

export interface NoticePeriod {
  unit: 'workingDays' | 'calendarDays';
  count: number;
}

export interface NoticeDraft {
  id: string;
  orgId: string;
  orgName: string;
  kind: NoticeKind;
  audience: NoticeAudience;
  subject: NoticeSubject;
  /** YYYY-MM-DD */
  applicationDate?: string;
  previousStage?: { label: string; date: string };
  /** The step proposed, e.g. 拟确定为发展对象. */
  proposedStep: string;
  objectionContact: { office: string; contact: string };
  period: NoticePeriod;
  createdBy: string;
}

export interface Notice extends NoticeDraft {
  status: NoticeStatus;
  publishedAt: string;
  /** 23:59:59 China time on the last day, e.g. 2026-09-30T23:59:59+08:00 */
  endsAt: string;
  endsAtMs: number;
  provisional: boolean;
  objectionCount: number;
  result?: NoticeResult;
  reviewDate?: string;
  closedAt?: string;
  withdrawnAt?: string;
  withdrawnBy?: string;
  withdrawReason?: string;
  executionArn?: string;
}

/** Objections are accepted up to and including the last second of the period. */
export function acceptsObjections(notice: Pick<Notice, 'status' | 'endsAtMs'>, now: Date): boolean {
  return notice.status === 'open' && now.getTime() <= notice.endsAtMs;
}
