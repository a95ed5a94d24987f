import { issueLetter, requestTransfer } from '../../../shared/services/transfer';
import { getTransfer } from '../../../shared/store/transfers-repo';
import type { TestRuntime } from '../../support/local-runtime';
import { branchStaff, type CaseDriver, committeeStaff, type World } from '../development/development-fixtures';

// A development case whose person's membership goes outside the system (docs/domain/transfer.md T8b, T8c), for the
// workflow, service and page tests of it: the case driven to where a test needs it, the letter outside issued.

/** Stages I–III done: the person is a development target. */
export async function toDevelopmentTarget(driver: CaseDriver): Promise<void> {
  await driver.open();
  await driver.stage1();
  await driver.stage2();
  await driver.at(`${(await driver.case()).nextStage?.earliestStart}T01:00:00.000Z`);
  await driver.stage3();
}

/** A development target in stage IV whose pre-review (预审) is asked and still undecided. */
export async function toPreReviewAsked(driver: CaseDriver): Promise<void> {
  await toDevelopmentTarget(driver);
  await driver.start(4);
  await driver.submit('committeeReview', { reviewDate: driver.today(), conclusion: '同意提交预审。' });
}

/** The person's transfer to an organization outside the system, requested by the branch and its letter issued; its id. */
export async function letterOutside(runtime: TestRuntime, driver: CaseDriver, world: World): Promise<string> {
  const [transfer] = await requestTransfer(runtime.deps, branchStaff, {
    orgId: 'branch-1', personIds: [world.applicantId], destinationKind: 'outside', outsideOrgName: '中共某县委组织部', outsideAddress: '某省某县人民路 1 号',
    reason: '调出本系统', leavingDate: driver.today(), duesPaidTo: driver.today().slice(0, 7),
  });
  await runtime.stepFunctions.settled();
  const requested = await getTransfer(runtime.store, transfer.id);
  await issueLetter(runtime.deps, committeeStaff, transfer.id, { validityMonths: '3', version: String(requested?.version) });
  await runtime.stepFunctions.settled();
  return transfer.id;
}
