import { ELECTION_FORM_LABELS, ELECTION_STEPS, type Election, type ElectionForm } from '../../../shared/domain/election/election';
import { ELECTION_RULE_SETS } from '../../../shared/domain/election/rule-set';
import { electionTaskId } from '../../../shared/services/election/step-task';
import { auditPut } from '../../../shared/store/audit';
import { claimElectionGuard, electionPk, putNewElection } from '../../../shared/store/elections-repo';
import type { Store } from '../../../shared/store/store';
import { putNewTask } from '../../../shared/store/tasks-repo';
import { claimedGuardItem, type BulkWriter } from './bulk-write';

/**
 * Elections in progress of a generated province, as the election workflow leaves them once the higher organization
 * approved the request: the first step (向党员公告选举事项) open in the branch's 待办, the running-election guard held.
 * Items as createElection and openElectionStep write them.
 */

const FORMS: ElectionForm[] = ['gongtui', 'haixuan', 'standard'];

export async function writeElections(store: Store, writer: BulkWriter, input: { branches: { id: string; name: string }[]; now: Date }): Promise<{ id: string; orgId: string }[]> {
  const rules = ELECTION_RULE_SETS['2020'];
  const at = input.now.toISOString();
  const createdAt = new Date(input.now.getTime() - 20 * 86_400_000).toISOString();
  const dueAt = new Date(input.now.getTime() + 14 * 86_400_000).toISOString();
  const ids: { id: string; orgId: string }[] = [];
  for (const [index, branch] of input.branches.entries()) {
    const id = `election-${String(index + 1).padStart(4, '0')}`;
    const taskId = electionTaskId(id, 'announcement', 1);
    const form = FORMS[index % FORMS.length];
    const election: Election = {
      id, orgId: branch.id, orgName: branch.name, form, seats: 5, deputies: index % 2, rulesVersion: rules.rulesVersion, rules, termYears: rules.termYears.branch,
      plan: { meetingDate: new Date(input.now.getTime() + 40 * 86_400_000).toISOString().slice(0, 10), structure: '书记1名，委员4名', method: `${ELECTION_FORM_LABELS[form]}，差额选举` },
      status: 'running', phase: 'publicize', currentStep: 'announcement', currentTaskId: taskId, stepCounts: {}, roundCount: 0, excluded: [], candidates: [], elected: [],
      approvals: [{ kind: 'request', approvalId: `${id}-request`, outcome: 'approved', decidedAt: at }], noticeRounds: 0, createdAt, createdBy: `staff-${branch.id}`, version: 3,
    };
    ids.push({ id, orgId: branch.id });
    await writer.put(
      claimedGuardItem(claimElectionGuard(store, election)),
      putNewElection(store, election),
      auditPut(store, electionPk(id), { at: createdAt, action: 'election.created', actor: election.createdBy, details: { form, seats: 5, rulesVersion: rules.rulesVersion } }),
      auditPut(store, electionPk(id), { at, action: 'election.request-approved', actor: 'system', details: { approvalId: `${id}-request` } }),
      putNewTask(store, {
        id: taskId, kind: 'election-step', title: `换届选举：${branch.name} ${ELECTION_STEPS.announcement.label}`, orgId: branch.id, assigneeRole: 'branch-staff',
        subject: { electionId: id, stepKey: 'announcement', attempt: '1' }, status: 'open', createdAt: at, dueAt, taskToken: `bench-token-${taskId}`,
      }),
      auditPut(store, electionPk(id), { at, action: 'election.step-opened', actor: 'system', details: { stepKey: 'announcement', attempt: 1, taskId } }),
    );
  }
  return ids;
}
