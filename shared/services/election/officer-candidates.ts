import { checkOfficerCandidates, type OfficerContest } from '../../domain/election/officer-candidates';
import type { Election } from '../../domain/election/election';
import { officerCandidatesSchema } from '../../schemas/election-steps';
import { parseForm } from '../../schemas/parse-form';
import { commitWithRetry } from '../../store/transact';
import type { Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { InputInvalidError } from '../../errors';
import { electionChange, nextVersion } from './commit';
import { openStepFor } from './submit-step';

/** The post a ballot elects now: the officers' round's own; at the first meeting of the new committee, staff choose. */
function contestOf(election: Election, asked: OfficerContest | undefined): OfficerContest {
  const current = election.ballot?.contest;
  if (election.currentStep === 'officers-meeting') return asked ?? 'secretary';
  if (current !== 'secretary' && current !== 'deputy') throw new InputInvalidError({ contest: '委员尚未选出，还不能确定书记、副书记候选人。' });
  if (asked && asked !== current) throw new InputInvalidError({ contest: `本轮选举的是${current === 'secretary' ? '书记' : '副书记'}。` });
  return current;
}

/**
 * Staff enter the candidates of the secretary's (or deputy's) ballot before it is printed — in 公推直选 for the
 * meeting's officers' round, in the standard form for the new committee's first meeting — from the newly elected
 * committee members; stored on the election's ballot in 姓氏笔画 order with the audit event, in one write.
 */
export async function setOfficerCandidates(deps: ServiceDeps, actor: Actor, electionId: string, rawForm: unknown): Promise<Election> {
  return commitWithRetry(deps.store, async () => {
    const { election } = await openStepFor(deps, actor, electionId, ['officers-round', 'officers-meeting']);
    const values = parseForm(officerCandidatesSchema, rawForm);
    const contest = contestOf(election, values.contest);
    const check = checkOfficerCandidates(election, contest, values.candidates);
    if (!check.ok) throw new InputInvalidError({ [check.field]: check.message });
    const at = deps.clock.now().toISOString();
    const next = nextVersion(election, { ballot: { contest, seats: 1, candidates: check.candidates } });
    return { write: electionChange(deps.store, next, { at, action: 'election.officer-candidates-set', actor: actor.id, details: { contest, candidates: check.candidates } }), answer: next };
  }, { attempts: 4 });
}
