import type { DevelopmentCase } from '../../domain/development/case';
import type { OrgTree } from '../../domain/registry/org-tree';
import { memberOnDate } from '../../domain/development/members';
import { factsNeeded, type StepFacts } from '../../domain/development/step-rules';
import type { DevelopmentTaskKey } from '../../domain/development/steps';
import { getPerson } from '../../store/people-repo';
import type { ServiceDeps } from '../deps';
import { meetingAttendanceOf } from '../registry/questions';

/**
 * The facts a step's rules need (shared/domain/development/step-rules.ts), each read once, before the rules run;
 * `tree` is the organization tree the step was authorized on.
 * Step 14's admission notice is checked earlier, before the form is read (checkAdmissionNoticeCleared).
 */
export async function gatherStepFacts(deps: ServiceDeps, key: DevelopmentTaskKey, values: Record<string, unknown>, devCase: DevelopmentCase, tree: OrgTree): Promise<StepFacts> {
  const needed = factsNeeded(key);
  const facts: StepFacts = {};
  if (needed.chosenField) {
    const ids = values[needed.chosenField] as string[];
    const people = await Promise.all(ids.map((id) => getPerson(deps.store, id)));
    const date = values.assignedDate as string;
    facts.chosen = {
      members: people.flatMap((person) => (person ? [memberOnDate(person, date)] : [])),
      unknownIds: ids.filter((_, index) => !people[index]),
    };
  }
  if (needed.attendance) {
    const attendance = await meetingAttendanceOf(deps, devCase.orgId, values.meetingDate as string, tree);
    facts.attendance = { shouldAttendCount: attendance.shouldAttendCount, excludedCount: attendance.excluded.length };
  }
  return facts;
}
