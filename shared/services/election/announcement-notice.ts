import { announcementNoticeId, announcementPeriod, proposedAnnouncement } from '../../domain/election/announcement';
import type { MatterNoticeDraft } from '../../domain/notice/notice';
import { readElectionPartition } from '../../store/elections-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { ServiceDeps } from '../deps';
import { noticeContactOf } from '../registry/notice-contact';
import { electionChange, nextVersion } from './commit';

/**
 * Task PrepareAnnouncementNotice: the announcement step is recorded; its title, text and period become an internal
 * notice of the election's organization (换届选举公告, never on the public board), id `<electionId>-announcement`.
 * The election records the reference with its audit event once: a retried task returns the same draft and writes
 * nothing more. The workflow then starts the notice execution `notice-<id>` and goes on without waiting for its end.
 */
export async function prepareAnnouncementNotice(deps: ServiceDeps, request: { electionId: string }): Promise<{ draft: MatterNoticeDraft }> {
  const { election, steps } = await readElectionPartition(deps.store, request.electionId);
  if (!election) throw new Error(`Election ${request.electionId} not found`);
  const step = steps.filter((s) => s.stepKey === 'announcement').at(-1);
  if (!step) throw new Error(`Election ${election.id} has no announcement recorded`);
  // A step recorded before the announcement became a notice (date, channel, content) gets the proposed text.
  const values = step.values as { title?: string; body?: string; periodUnit?: 'workingDays' | 'calendarDays'; periodCount?: number };
  const proposed = proposedAnnouncement(election);
  const period = announcementPeriod(election);
  const draft: MatterNoticeDraft = {
    id: announcementNoticeId(election.id),
    orgId: election.orgId,
    orgName: election.orgName,
    kind: 'election-announcement',
    audience: 'internal',
    matter: { title: values.title ?? proposed.title, body: values.body ?? proposed.body },
    objectionContact: await noticeContactOf(deps, { id: election.orgId, name: election.orgName }, 'own'),
    period: { unit: values.periodUnit ?? period.unit, count: values.periodCount ?? period.count },
    createdBy: step.actorId,
  };
  if (election.announcementNoticeId === draft.id) return { draft };
  try {
    await transactWrite(deps.store, electionChange(deps.store, nextVersion(election, { announcementNoticeId: draft.id }), {
      at: deps.clock.now().toISOString(), action: 'election.announcement-published', actor: 'system',
      details: { noticeId: draft.id, title: draft.matter.title, period: draft.period },
    }));
  } catch (error) {
    if (!(error instanceof StoreConditionFailedError)) throw error;
    return prepareAnnouncementNotice(deps, request);
  }
  return { draft };
}
