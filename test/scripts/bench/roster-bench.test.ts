import { formatRosterBench, rosterBenchJson, runRosterBench } from '../../../scripts/bench/roster-bench';
import { itemBytes, transactionalWriteUnits } from '../../../scripts/bench/write-units';

test('item sizes and transactional write units follow DynamoDB\'s rules', () => {
  expect(itemBytes({ pk: 'PERSON#p', name: '张三' })).toBe(2 + 8 + 4 + 6);
  expect(itemBytes({ version: 12 })).toBe(7 + 2);
  expect(transactionalWriteUnits([{ pk: 'a' }])).toBe(2);
  expect(transactionalWriteUnits([{ pk: 'a', gsi2pk: 'g' }])).toBe(3);
  expect(transactionalWriteUnits([{ pk: 'a', x: 'y'.repeat(1500) }])).toBe(4);
});

test('a small roster bench: every person created, 8 write units each (record + gsi1 name index + gsi2, ID-number index item, audit event), the re-import writes nothing', async () => {
  const result = await runRosterBench({ endpoint: process.env.TEST_DYNAMODB_ENDPOINT!, people: 120, branches: 3 });
  expect(result).toMatchObject({ people: 120, created: 120, itemsWritten: 360, transactions: 4, reimportWriteUnits: 0 });
  expect(result.writeUnits).toBe(960);
  expect(formatRosterBench(result)).toContain('write units');
  expect(rosterBenchJson(result).writeUnitsPerPerson).toBe(8);
});
