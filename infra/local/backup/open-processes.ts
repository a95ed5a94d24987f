import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DevelopmentCase } from '../../../shared/domain/development/case';
import type { Election } from '../../../shared/domain/election/election';
import { noticeHeading } from '../../../shared/domain/notice/notice-headline';
import type { Notice } from '../../../shared/domain/notice/notice';
import type { RawItem } from './backup-file';

/**
 * What is still running on the pilot, in the committee's words: the processes whose workflow executions cannot be
 * carried into AWS Step Functions (a stage waiting for a form or an approval, an election, a notice period). A case
 * between two stages has no execution and moves as it is (its next stage is started on AWS).
 */
export function openProcesses(items: readonly RawItem[]): string[] {
  const running = items.some((item) => item.pk?.S?.startsWith('EXECUTION#') && item.sk?.S === 'STATE' && item.status?.S === 'RUNNING');
  const lines: string[] = [];
  for (const raw of items) {
    const type = raw.type?.S;
    if (type === 'case') {
      const devCase = unmarshall(raw) as DevelopmentCase;
      if (devCase.status === 'active' && devCase.stageState === 'running') lines.push(`发展党员：${devCase.personName}，第${'一二三四五'[devCase.stage - 1]}阶段办理中`);
    } else if (type === 'election') {
      const election = unmarshall(raw) as Election;
      if (election.status === 'running') lines.push(`换届选举：${election.orgName}，进行中`);
    } else if (type === 'notice') {
      const notice = unmarshall(raw) as Notice;
      if (notice.status === 'open') lines.push(`公示：${noticeHeading(notice)}，公示期未结束或待处理异议`);
    }
  }
  if (running && lines.length === 0) lines.push('其他正在运行的流程（详见服务日志）');
  return lines.sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
