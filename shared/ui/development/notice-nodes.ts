import type { NoticeNode } from '../../domain/development/rule-set';
import type { NoticeKind } from '../../domain/notice/notice';
import type { CaseFile } from '../../services/development';

const KIND_OF_NODE: Record<NoticeNode, NoticeKind> = { activist: 'activist', developmentTarget: 'development-target', admission: 'admission', conversion: 'conversion' };

/** The notices of a case at one node (each attempt of the stage may have published one), oldest first. */
export function noticesOfNode(file: Pick<CaseFile, 'notices'>, node: NoticeNode): CaseFile['notices'] {
  return file.notices.filter((n) => n.notice.kind === KIND_OF_NODE[node]).sort((a, b) => a.notice.publishedAt.localeCompare(b.notice.publishedAt));
}
