import { resolveActor } from '../../shared/services/authorization';
import type { ServiceDeps } from '../../shared/services/deps';
import { DevelopmentCaseExistsError, openCase } from '../../shared/services/development';
import { demoActor } from './seed';
import { demoPerson } from './seed-data';

/** A demo development case (发展党员) in progress: 孙婷's application of 2025-10-11, its talk overdue (a 预警 on the dashboard). */
export const DEMO_CASE_PLANS: { actor: string; form: Record<string, string> }[] = [
  { actor: 'yewuyichu', form: { personId: demoPerson('business-03').id, applicationDate: '2025-10-11' } },
];

/** Opens the demo cases through the service, like the page does; a person with an open case is left as is. */
export async function openDemoCases(deps: ServiceDeps): Promise<number> {
  let opened = 0;
  for (const plan of DEMO_CASE_PLANS) {
    try {
      await openCase(deps, await resolveActor(deps.store, demoActor(plan.actor)), plan.form);
      opened += 1;
    } catch (error) {
      if (!(error instanceof DevelopmentCaseExistsError)) throw error;
    }
  }
  return opened;
}
