/** The public notice (公示) of docs/domain/notices-and-calendar.md: what is shown, for how long, and what came of it. */

/** A notice is about one person (公示对象) or about a matter (事项, e.g. the election announcement). */
export type PersonNoticeKind = 'activist' | 'development-target' | 'admission' | 'conversion' | 'candidates' | 'other';
export type MatterNoticeKind = 'election-announcement' | 'candidate-list' | 'assessment-circular' | 'evaluation-grades';
export type NoticeKind = PersonNoticeKind | MatterNoticeKind;
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
  'election-announcement': '换届选举公告',
  'candidate-list': '换届选举候选人预备人选',
  'assessment-circular': '党建工作目标考核通报',
  'evaluation-grades': '民主评议党员定档结果',
};

export const MATTER_NOTICE_KINDS: readonly MatterNoticeKind[] = ['election-announcement', 'candidate-list', 'assessment-circular', 'evaluation-grades'];
/** Matter notices kept inside the organization (never on the public board). */
export const INTERNAL_ONLY_KINDS: readonly MatterNoticeKind[] = ['election-announcement', 'assessment-circular', 'evaluation-grades'];

/** The personal data a notice may show (docs/domain/organizations-and-people.md): never the ID number, phone or address. */
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

interface NoticeDraftBase {
  id: string;
  orgId: string;
  orgName: string;
  /** Where to turn with an objection (a person notice) or an opinion (a matter notice). */
  objectionContact: { office: string; contact: string };
  period: NoticePeriod;
  createdBy: string;
}

/** A notice about one person: public or internal; shows only the NoticeSubject (docs/domain/organizations-and-people.md). */
export interface PersonNoticeDraft extends NoticeDraftBase {
  kind: PersonNoticeKind;
  audience: NoticeAudience;
  /** The person noticed (internal: never shown, never in a public answer); one open notice per person and step. */
  personId?: string;
  subject: NoticeSubject;
  /** YYYY-MM-DD */
  applicationDate?: string;
  previousStage?: { label: string; date: string };
  /** The step proposed, e.g. 拟确定为发展对象. */
  proposedStep: string;
}

/** What a matter notice says: its title line and its text; a list notice also the people listed (in that order). */
export interface NoticeMatter {
  title: string;
  body: string;
  people?: NoticeSubject[];
}

/**
 * A notice about a matter (事项): the election announcement, internal only; the candidate list of an election
 * (候选人预备人选, one notice for the whole list), public, open to objections like a person notice.
 */
export interface MatterNoticeDraft extends NoticeDraftBase {
  kind: MatterNoticeKind;
  audience: NoticeAudience;
  matter: NoticeMatter;
}

export type NoticeDraft = PersonNoticeDraft | MatterNoticeDraft;

/** What the notice process records once the draft is published. */
export interface NoticeState {
  status: NoticeStatus;
  publishedAt: string;
  /** 23:59:59 China time on the last day, e.g. 2026-09-30T23:59:59+08:00 */
  endsAt: string;
  endsAtMs: number;
  provisional: boolean;
  /** Objections received; while a notice with gates is open they are counted on its gates (objection-gates.ts). */
  objectionCount: number;
  /** How many objection gates the notice has; absent on notices published before gates existed. */
  objectionGates?: number;
  result?: NoticeResult;
  reviewDate?: string;
  closedAt?: string;
  withdrawnAt?: string;
  withdrawnBy?: string;
  withdrawReason?: string;
  executionArn?: string;
}

export type PersonNotice = PersonNoticeDraft & NoticeState;
export type MatterNotice = MatterNoticeDraft & NoticeState;
export type Notice = PersonNotice | MatterNotice;

export const isMatterKind = (kind: NoticeKind): kind is MatterNoticeKind => (MATTER_NOTICE_KINDS as readonly string[]).includes(kind);
export const isPersonNotice = <T extends NoticeDraft>(notice: T): notice is Extract<T, { kind: PersonNoticeKind }> => !isMatterKind(notice.kind);

/** Why a draft cannot be published, in Chinese (a matter notice is internal only), or undefined. */
export function noticeDraftProblem(draft: { kind: NoticeKind; audience: NoticeAudience }): string | undefined {
  if ((INTERNAL_ONLY_KINDS as readonly string[]).includes(draft.kind) && draft.audience !== 'internal') return `${NOTICE_KIND_LABELS[draft.kind]}只能在本组织内部公示，不能在公示栏公开发布。`;
  return undefined;
}

/**
 * The step a person notice is about, for "one open notice per person and step": its kind, or for another matter
 * (其他事项) the step proposed. Undefined for a matter notice or one without its person (published before).
 */
export function noticeStepOf(notice: NoticeDraft): { personId: string; step: string } | undefined {
  if (!isPersonNotice(notice) || !notice.personId) return undefined;
  return { personId: notice.personId, step: notice.kind === 'other' ? `other:${notice.proposedStep.trim()}` : notice.kind };
}

/**
 * Notices a process publishes as the record of a decision already approved (an assessment circular, the grades of an
 * evaluation) are not withdrawn by staff on the notice page: a correction goes through the process that published them.
 */
const PUBLISHED_BY_PROCESS: readonly NoticeKind[] = ['assessment-circular', 'evaluation-grades'];
export const staffMayWithdraw = (notice: Pick<Notice, 'kind'>): boolean => !PUBLISHED_BY_PROCESS.includes(notice.kind);

/** Objections are accepted up to and including the last second of the period. */
export function acceptsObjections(notice: Pick<Notice, 'status' | 'endsAtMs'>, now: Date): boolean {
  return notice.status === 'open' && now.getTime() <= notice.endsAtMs;
}
