import { randomBytes } from 'node:crypto';
import type { MatterNoticeDraft, PersonNoticeDraft } from '../../shared/domain/notice/notice';
import type { Actor } from '../../shared/services/actor';
import type { OutgoingMail } from '../../shared/services/ports';

export const branchSecretary: Actor = {
  id: 'secretary-1',
  displayName: '李书记',
  role: 'branch-staff',
  orgId: 'branch-1',
  scopeOrgIds: ['branch-1'],
};

export function noticeDraft(overrides: Partial<PersonNoticeDraft> = {}): PersonNoticeDraft {
  return {
    id: randomBytes(12).toString('base64url'),
    orgId: 'branch-1',
    orgName: '办公室党支部',
    kind: 'development-target',
    audience: 'public',
    subject: { name: '张三', gender: '男', birthYearMonth: '1995-03', education: '大学本科', unitPost: '办公室科员' },
    applicationDate: '2024-03-01',
    previousStage: { label: '确定为入党积极分子', date: '2025-04-10' },
    proposedStep: '拟确定为发展对象',
    objectionContact: { office: '机关党委组织科', contact: '010-12345678' },
    period: { unit: 'workingDays', count: 5 },
    createdBy: 'secretary-1',
    ...overrides,
  };
}

/** An internal notice about a matter (the election announcement kind). */
export function matterNoticeDraft(overrides: Partial<MatterNoticeDraft> = {}): MatterNoticeDraft {
  return {
    id: randomBytes(12).toString('base64url'),
    orgId: 'branch-1',
    orgName: '办公室党支部',
    kind: 'election-announcement',
    audience: 'internal',
    matter: { title: '关于办公室党支部召开党员大会进行换届选举的公告', body: '支部委员会任期届满，定于10月召开党员大会进行换届选举。' },
    objectionContact: { office: '办公室党支部', contact: '支部组织委员' },
    period: { unit: 'workingDays', count: 5 },
    createdBy: 'secretary-1',
    ...overrides,
  };
}

/** The outer edge for mail in tests: what would have been sent. */
export class RecordingMailer {
  readonly sent: OutgoingMail[] = [];
  async send(mail: OutgoingMail): Promise<void> {
    this.sent.push(mail);
  }
}
