import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { listDueLinks, markLinkReminded, putNewLink, rescheduleLinkAtWake, type StoredLink } from '../../../../shared/store/approvals-repo';
import { transactWrite } from '../../../../shared/store/transact';
import { createTestStore } from '../../../support/store';

// docs/domain/scheduler.md: the tick reads the approval links whose reminder or expiry has come, no other.

function storedLink(hash: string, reminderAt: string, expiresAt: string): StoredLink {
  return { linkHash: hash, approvalId: `a-${hash}`, approverIndex: 0, approverName: '王主任', status: 'pending', reminderAt, expiresAt, issuedAt: '2026-05-01T02:00:00.000Z' };
}

test('a link is listed from its reminder time; once reminded, from its expiry; a legacy link is moved to its reminder time once', async () => {
  const store = await createTestStore();
  const soon = storedLink('soon', '2026-05-11T02:00:00.000Z', '2026-05-14T02:00:00.000Z');
  const later = storedLink('later', '2026-06-11T02:00:00.000Z', '2026-06-14T02:00:00.000Z');
  await transactWrite(store, [putNewLink(store, soon), putNewLink(store, later)]);
  const due = async (now: string) => (await listDueLinks(store, now)).map((l) => l.linkHash);
  expect(await due('2026-05-11T01:59:59.999Z')).toEqual([]);
  expect(await due('2026-05-11T02:00:00.000Z')).toEqual(['soon']);
  expect(await markLinkReminded(store, soon, '2026-05-11T02:00:00.000Z')).toBe(true);
  expect(await markLinkReminded(store, soon, '2026-05-11T02:01:00.000Z')).toBe(false); // once
  expect(await due('2026-05-13T00:00:00.000Z')).toEqual([]);
  expect(await due('2026-05-14T02:00:00.000Z')).toEqual(['soon']);

  // Stored before the wake instants: listed by its expiry, its reminder not sent.
  await store.doc.send(new UpdateCommand({ TableName: store.tableName, Key: { pk: 'APPROVALLINK#later', sk: 'LINK' }, UpdateExpression: 'SET gsi1sk = :sk', ExpressionAttributeValues: { ':sk': '2026-06-14T02:00:00.000Z#later' } }));
  expect(await due('2026-06-12T00:00:00.000Z')).toEqual(['soon']); // its reminder would be missed
  expect(await rescheduleLinkAtWake(store, later)).toBe(true);
  expect(await rescheduleLinkAtWake(store, later)).toBe(false);
  expect(await due('2026-06-12T00:00:00.000Z')).toEqual(['soon', 'later']);
});
