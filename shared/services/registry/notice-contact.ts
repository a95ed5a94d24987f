import type { Organization } from '../../domain/registry/organization';
import type { ServiceDeps } from '../deps';
import { approverOf, staffToNotify } from './questions';

export interface NoticeContact {
  office: string;
  contact: string;
}

/**
 * Where to turn about a notice of an organization (docs/domain/notices-and-calendar.md: "where and how to object"). `approving`: objections to a
 * person go to the approving committee's organization department and its staff's e-mail; `own`: opinions on an
 * internal matter go to the organization itself and its own staff's e-mail. Without an e-mail: in person.
 */
export async function noticeContactOf(deps: Pick<ServiceDeps, 'store'>, org: Pick<Organization, 'id' | 'name'>, to: 'approving' | 'own'): Promise<NoticeContact> {
  const staff = await staffToNotify(deps, org.id);
  if (to === 'own') {
    const own = staff.find((s) => s.orgId === org.id);
    return { office: org.name, contact: own?.email ?? '请向本组织组织委员当面反映' };
  }
  const approving = await approverOf(deps, org.id);
  const committeeStaff = staff.find((s) => s.role === 'committee-staff');
  return { office: `${approving?.name ?? org.name}组织部门`, contact: committeeStaff?.email ?? '请到受理部门当面反映' };
}
