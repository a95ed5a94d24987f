import { chinaDate } from '../../domain/calendar';
import { electionExecutionName, type Election } from '../../domain/election/election';
import { checkElectionSize } from '../../domain/election/election-size';
import { ELECTION_RULE_SETS } from '../../domain/election/rule-set';
import type { OrgKind } from '../../domain/registry/organization';
import { createElectionSchema } from '../../schemas/election-steps';
import { parseForm } from '../../schemas/parse-form';
import { auditPut } from '../../store/audit';
import { claimElectionGuard, electionPk, getElection, putNewElection } from '../../store/elections-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { InputInvalidError, RecordNotFoundError } from '../../errors';
import { WorkflowExecutionExistsError } from '../ports';
import { votingMembersOf } from '../registry/questions';
import { ElectionAlreadyRunningError } from './errors';

const TERM_KIND: Partial<Record<OrgKind, 'committee' | 'generalBranch' | 'branch'>> = {
  'working-committee': 'committee',
  committee: 'committee',
  'general-branch': 'generalBranch',
  branch: 'branch',
};

/**
 * Staff start an organization's election (step 1: the written request with seats, structure, schedule and method).
 * The election keeps its rule set; its workflow `election-<id>` starts by asking the higher organization. With the
 * page's idempotency key as its id, a repeated submission (double click, a start that failed) returns the same
 * election and starts its execution if it is not running yet.
 */
export async function createElection(deps: ServiceDeps, actor: Actor, input: { orgId: string } & Record<string, unknown>): Promise<Election> {
  const tree = await loadOrgTree(deps.store);
  const org = tree.get(String(input.orgId ?? ''));
  if (!org || org.status !== 'active') throw new RecordNotFoundError('该组织');
  authorize(actor, 'election.handle', org.id, tree);
  const values = parseForm(createElectionSchema, input);
  const termKind = TERM_KIND[org.kind];
  if (!termKind) throw new InputInvalidError({ orgId: '党小组不单独进行换届选举。' });
  const rules = ELECTION_RULE_SETS[values.rulesVersion];
  const votingMembers = (await votingMembersOf(deps, org.id, chinaDate(deps.clock.now()), tree)).length;
  const size = checkElectionSize({ orgKind: org.kind, votingMembers, seats: values.seats, deputies: values.deputies, form: values.form, rules });
  if (!size.ok) throw new InputInvalidError({ [size.field]: size.message });
  const id = values.idempotencyKey ?? deps.newId();
  const existing = await getElection(deps.store, id);
  if (existing) {
    if (existing.orgId !== org.id) throw new InputInvalidError({ idempotencyKey: '表单已失效，请刷新页面后重新填写。' });
    await startElectionProcess(deps, existing);
    return existing;
  }
  const now = deps.clock.now().toISOString();
  const election: Election = {
    id,
    orgId: org.id,
    orgName: org.name,
    form: values.form,
    seats: values.seats,
    deputies: values.deputies,
    rulesVersion: rules.rulesVersion,
    rules,
    termYears: rules.termYears[termKind],
    plan: { meetingDate: values.meetingDate, structure: values.structure, method: values.method },
    status: 'running',
    phase: 'publicize',
    stepCounts: {},
    roundCount: 0,
    excluded: [],
    candidates: [],
    elected: [],
    approvals: [],
    noticeRounds: 0,
    createdAt: now,
    createdBy: actor.id,
    version: 1,
  };
  try {
    // One running election per organization: the guard is claimed with the election (never a read before the write).
    await transactWrite(deps.store, [
      claimElectionGuard(deps.store, election),
      putNewElection(deps.store, election),
      auditPut(deps.store, electionPk(election.id), { at: now, action: 'election.created', actor: actor.id, details: { form: election.form, seats: election.seats, rulesVersion: election.rulesVersion } }),
    ]);
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    // The same key submitted twice at once: the other submission created it (and holds the guard).
    if (values.idempotencyKey && (await getElection(deps.store, id))) return createElection(deps, actor, input);
    if (error.failedAt(0)) throw new ElectionAlreadyRunningError({ cause: error, detail: `organization ${org.id} has an election running` });
    throw error;
  }
  await startElectionProcess(deps, election);
  return election;
}

/** Starts the election's execution; already started (a repeated submission) is fine. */
async function startElectionProcess(deps: ServiceDeps, election: Election): Promise<void> {
  try {
    await deps.workflow.startExecution({ stateMachine: 'election', name: electionExecutionName(election.id), input: { electionId: election.id, form: election.form } });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionExistsError)) throw error;
  }
}
