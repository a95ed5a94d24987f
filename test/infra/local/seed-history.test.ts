import { seedDemo } from '../../../infra/local/seed';
import { demoPerson } from '../../../infra/local/seed-data';
import { DEMO_HISTORY_CASE_ID, seedDemoHistory } from '../../../infra/local/seed-history';
import { listAudit } from '../../../shared/store/audit';
import { getCase, listCaseRecords } from '../../../shared/store/cases-repo';
import { getPerson } from '../../../shared/store/people-repo';
import { createTestStore } from '../../support/store';

// The demo's development target (刘洋) is built through the services on a clock of its own, as it happened.
test('the demo history: 刘洋 a development target with her recorded history, built once', async () => {
  const store = await createTestStore();
  await seedDemo({ store });
  await expect(seedDemoHistory(store, new Date('2026-05-01T00:00:00.000Z'))).resolves.toBe(false); // the demo clock is before it
  await expect(seedDemoHistory(store, new Date('2026-09-23T01:00:00.000Z'))).resolves.toBe(true);
  const devCase = await getCase(store, DEMO_HISTORY_CASE_ID);
  expect(devCase).toMatchObject({
    personName: '刘洋', status: 'active', stage: 3, stageState: 'between', nextStage: { stage: 4, attempt: 1 },
    dates: { applicationDate: '2025-03-10', talkDate: '2025-03-20', activistDate: '2025-04-15', evaluationDates: ['2025-10-14', '2026-04-08'], targetDate: '2026-04-16' },
  });
  const { steps, refs } = await listCaseRecords(store, DEMO_HISTORY_CASE_ID);
  expect(steps.map((s) => s.stepNo)).toEqual([1, 2, 3, 4, 5, 6, 6, 7, 8, 9, 10, 11]);
  expect(steps.flatMap((s) => s.explanations)).toEqual([]);
  expect(refs.map((r) => r.kind).sort()).toEqual(['filing', 'filing', 'notice', 'notice']);
  const events = (await listAudit(store, `CASE#${DEMO_HISTORY_CASE_ID}`)).map((e) => e.action);
  expect(events.filter((a) => a === 'case.filing-acknowledged')).toHaveLength(2);
  const person = await getPerson(store, demoPerson('office-02').id);
  expect(person?.statusHistory.map((h) => [h.value, h.from])).toEqual([['applicant', '2025-03-10'], ['activist', '2025-04-15'], ['development-target', '2026-04-16']]);
  await expect(seedDemoHistory(store, new Date('2026-09-23T01:00:00.000Z'))).resolves.toBe(false);
}, 120_000);
