import type { NoticeMatter, NoticeSubject } from '../notice/notice';
import { sortBySurnameStrokes } from './stroke-order';

/**
 * The candidate list's notice (候选人预备人选公示, docs/domain/elections.md step 4): ONE notice for the whole list
 * the higher organization approved, titled for the list, the people in surname stroke order.
 */
export function candidateListMatter(orgName: string, people: NoticeSubject[]): NoticeMatter {
  const order = sortBySurnameStrokes(people.map((p) => p.name));
  const sorted = [...people].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  return {
    title: `关于${orgName}新一届委员会委员候选人预备人选的公示`,
    body: `经党员推荐、报上级党组织审查同意，${orgName}新一届委员会委员候选人预备人选共 ${sorted.length} 名，现予公示（按姓氏笔画排序）。`,
    people: sorted,
  };
}
