import { loadOrgTree } from '../authorization';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { listOrgAccounts } from '../../store/accounts-repo';
import type { ServiceDeps } from '../deps';
import { listProvisionalNotices } from '../notice/recompute-ends';
import { conditionFailed } from '../../store/transact';

/**
 * docs/domain/notices-and-calendar.md: when a notice period reaches a year with no holiday calendar, the administrator is warned, once per
 * year missing (a marker item makes the warning idempotent across scheduler runs).
 */
export async function warnAboutMissingCalendar(deps: ServiceDeps): Promise<number[]> {
  const orgs = (await loadOrgTree(deps.store)).organizations;
  const adminEmails = async () => {
    const accounts = (await Promise.all(orgs.map((org) => listOrgAccounts(deps.store, org.id)))).flat();
    return [...new Set(accounts.filter((a) => a.role === 'admin' && !a.disabled && a.email).map((a) => a.email))];
  };
  const provisional = await listProvisionalNotices(deps);
  const years = [...new Set(provisional.map((n) => Number(n.endsAt.slice(0, 4))))].sort();
  const warned: number[] = [];
  for (const year of years) {
    try {
      await deps.store.doc.send(
        new PutCommand({
          TableName: deps.store.tableName,
          Item: { pk: 'CALENDAR', sk: `WARNED#${year}`, at: deps.clock.now().toISOString() },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (conditionFailed(error)) continue;
      throw error;
    }
    const count = provisional.filter((n) => n.endsAt.startsWith(String(year))).length;
    await deps.mailer.send({
      to: await adminEmails(),
      subject: `请录入 ${year} 年节假日安排`,
      text:
        `有 ${count} 项公示的公示期跨入 ${year} 年，系统尚无该年度的节假日安排，目前仅按周末计算，结束时间为临时结果。\n` +
        `请在“节假日日历”页面录入国务院办公厅公布的 ${year} 年节假日安排，系统将自动重新计算。\n${deps.publicBaseUrl}/staff/calendar`,
    });
    warned.push(year);
  }
  return warned;
}
