import type { NoticeDraft } from '../../shared/domain/notice/notice';
import type { Mailer, OutgoingMail } from '../../shared/services/ports';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];

/** A distinct public notice of 5 working days for the benchmark (`run` keeps ids unique across runs). */
export function benchDraft(run: string, index: number): NoticeDraft {
  return {
    id: `bench-${run}-${String(index).padStart(4, '0')}`,
    orgId: 'bench-branch',
    orgName: '基准测试党支部',
    kind: 'development-target',
    audience: 'public',
    subject: {
      name: `${SURNAMES[index % SURNAMES.length]}同志${index}`,
      gender: index % 2 === 0 ? '男' : '女',
      birthYearMonth: '1995-03',
      education: '大学本科',
      unitPost: '办公室科员',
    },
    applicationDate: '2024-03-01',
    previousStage: { label: '确定为入党积极分子', date: '2025-04-10' },
    proposedStep: '拟确定为发展对象',
    objectionContact: { office: '机关党委组织科', contact: '010-12345678' },
    period: { unit: 'workingDays', count: 5 },
    createdBy: 'bench',
  };
}

/** The mailer of the benchmark: keeps what would have been sent, in memory. */
export class MemoryMailer implements Mailer {
  readonly sent: OutgoingMail[] = [];
  async send(mail: OutgoingMail): Promise<void> {
    this.sent.push(mail);
  }
}
