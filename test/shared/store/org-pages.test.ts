import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { MAX_PAGE_SIZE, pageAcrossOrganizations, type OrgRange } from '../../../shared/store/org-pages';
import type { Store } from '../../../shared/store/store';
import { createTestStore } from '../../support/store';

/** Records of organizations in gsi2 (`ORG#<orgId>#thing` / `<sort>#<id>`), as the lists of people, cases and elections keep them. */
const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi2pk', 'gsi2sk'];

const rangeOf = (orgId: string, path: string): OrgRange => ({
  orgId, path,
  query: { IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': `ORG#${orgId}#thing` } },
  partition: { attribute: 'gsi2pk', value: `ORG#${orgId}#thing` },
});

async function putRecords(store: Store, records: { orgId: string; sort: string; id: string }[]): Promise<void> {
  for (let i = 0; i < records.length; i += 25) {
    await store.doc.send(new BatchWriteCommand({
      RequestItems: { [store.tableName]: records.slice(i, i + 25).map(({ orgId, sort, id }) => ({ PutRequest: { Item: { pk: `THING#${id}`, sk: 'THING', id, gsi2pk: `ORG#${orgId}#thing`, gsi2sk: `${sort}#${id}` } } })) },
    }));
  }
}

let store: Store;
beforeEach(async () => {
  store = await createTestStore();
});

describe('pages across organizations', () => {
  test('organizations in path order, records in index order, the page size capped at 100', async () => {
    await putRecords(store, [
      { orgId: 'b2', sort: 'a', id: '1' }, { orgId: 'b1', sort: 'b', id: '2' }, { orgId: 'b1', sort: 'a', id: '3' }, { orgId: 'c1', sort: 'z', id: '4' },
      ...Array.from({ length: 120 }, (_, k) => ({ orgId: 'b3', sort: String(k).padStart(3, '0'), id: `m${k}` })),
    ]);
    const ranges = [rangeOf('b2', '/wc/c1/b2/'), rangeOf('c1', '/wc/c1/'), rangeOf('b1', '/wc/c1/b1/'), rangeOf('b3', '/wc/c1/b3/')];
    const first = await pageAcrossOrganizations<{ id: string }>(store, ranges, { limit: 3, keyAttributes: KEY_ATTRIBUTES });
    expect(first.items.map((i) => i.id)).toEqual(['4', '3', '2']);
    const second = await pageAcrossOrganizations<{ id: string }>(store, ranges, { limit: 1000, cursor: first.next, keyAttributes: KEY_ATTRIBUTES });
    expect(second.items).toHaveLength(MAX_PAGE_SIZE);
    expect(second.items[0].id).toBe('1');
    const last = await pageAcrossOrganizations<{ id: string }>(store, ranges, { limit: 100, cursor: second.next, keyAttributes: KEY_ATTRIBUTES });
    expect(last.items.map((i) => i.id)).toEqual(Array.from({ length: 21 }, (_, k) => `m${k + 99}`));
    expect(last.next).toBeUndefined();
  });

  test('a cursor made up or from another organization never reaches outside the organizations given', async () => {
    await putRecords(store, [{ orgId: 'b1', sort: 'a', id: 'mine' }, { orgId: 'x9', sort: 'a', id: 'theirs' }]);
    const forged = Buffer.from(JSON.stringify({ path: '/wc/c1/b1/', key: { pk: 'THING#theirs', sk: 'THING', gsi2pk: 'ORG#x9#thing', gsi2sk: 'a#theirs' } })).toString('base64url');
    for (const cursor of [forged, 'not a cursor', Buffer.from('{"path":5}').toString('base64url')]) {
      const page = await pageAcrossOrganizations<{ id: string }>(store, [rangeOf('b1', '/wc/c1/b1/')], { limit: 10, cursor, keyAttributes: KEY_ATTRIBUTES });
      expect(page.items.map((i) => i.id)).toEqual(['mine']);
    }
  });

  test('property: paging while records and organizations are added gives every record of the start exactly once', async () => {
    const record = fc.record({ org: fc.nat({ max: 5 }), sort: fc.string({ minLength: 1, maxLength: 3, unit: fc.constantFrom('a', 'b', 'c', 'd') }) });
    await fc.assert(fc.asyncProperty(
      fc.array(record, { maxLength: 40 }),
      fc.integer({ min: 1, max: 7 }),
      fc.array(fc.array(record, { maxLength: 4 }), { maxLength: 12 }),
      async (initial, limit, additions) => {
        store = await createTestStore();
        let orgCount = 3;
        const orgOf = (n: number) => `o${n % orgCount}`;
        const ranges = () => Array.from({ length: orgCount }, (_, k) => rangeOf(`o${k}`, k === 0 ? '/r/' : `/r/o${k}/`));
        const start = initial.map((r, k) => ({ orgId: orgOf(r.org), sort: r.sort, id: `s${k}` }));
        await putRecords(store, start);
        const seen: string[] = [];
        let cursor: string | undefined;
        let round = 0;
        do {
          const page = await pageAcrossOrganizations<{ id: string }>(store, ranges(), { limit, cursor, keyAttributes: KEY_ATTRIBUTES });
          expect(page.items.length).toBeLessThanOrEqual(limit);
          seen.push(...page.items.map((i) => i.id));
          cursor = page.next;
          const added = additions[round] ?? [];
          if (round % 3 === 1) orgCount++; // an organization is added meanwhile
          await putRecords(store, added.map((r, k) => ({ orgId: orgOf(r.org), sort: r.sort, id: `a${round}-${k}` })));
          round++;
        } while (cursor);
        expect(new Set(seen).size).toBe(seen.length);
        for (const { id } of start) expect(seen).toContain(id);
      },
    ), { numRuns: 25 });
  });
});
