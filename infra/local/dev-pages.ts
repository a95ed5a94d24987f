import { createSiteApp } from '../../functions/http/edge/site-app';
import { htmlResponse, redirect } from '../../functions/http/edge/responses';
import { sessionOf, staffLayout } from '../../functions/http/staff/staff-context';
import type { Clock, WorkflowControl } from '../../shared/services/ports';
import { getOrganization } from '../../shared/store/orgs-repo';
import { authorizeAdmin } from '../../shared/services/actor';
import type { Session } from '../../shared/services/auth';
import { InputInvalidError } from '../../shared/errors';
import type { SiteRequest } from '../../functions/http/edge/types';
import type { Store } from '../../shared/store/store';
import { clockPage, outboxPage } from './dev-pages-view';
import type { Outbox } from './outbox';
import type { ExtraRoute } from './server';

/** The clock's controls, as VirtualClock (infra/local/clock.ts) offers them. */
export interface DevClock {
  now(): Date;
  advance(ms: number): void | Promise<void>;
  jumpTo(instant: Date): void | Promise<void>;
  setRate(rate: number): void | Promise<void>;
  state(): { rate: number };
}

export interface DevPagesOptions {
  store: Store;
  clock: DevClock;
  outbox: Pick<Outbox, 'list'>;
  /** The clock sessions expire by (as the staff site is given); defaults to `clock`. */
  sessionClock?: Clock;
  /** With it, POST /dev/approvals/demo starts a demo approval (an approval workflow with one approver). */
  workflow?: Pick<WorkflowControl, 'startExecution'>;
  /** Organization the demo approval is about. */
  demoOrgId?: string;
}

/** The approver of the demo approval (its mail lands in the outbox). */
export const DEMO_APPROVER = { name: '王委员', email: 'wangweiyuan@demo.example.org' } as const;
const DAY_MS = 86_400_000;

/** Starts an approval workflow asking DEMO_APPROVER; answers its id. Local runtime only, never a production route. */
async function startDemoApproval(workflow: Pick<WorkflowControl, 'startExecution'>, clock: DevClock, org: { id: string; name?: string }): Promise<string> {
  const approvalId = `demo-${clock.now().getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const approval = {
    approvalId,
    subject: {
      kind: 'pre-review',
      title: '关于张伟同志拟确定为发展对象的预审（演示）',
      summary: '张伟同志于2024年3月提出入党申请，2024年9月确定为入党积极分子，培养考察期满一年。\n支部委员会研究同意拟确定为发展对象，现报上级党委预审。',
      orgId: org.id,
      orgName: org.name,
    },
    approvers: [{ ...DEMO_APPROVER }],
    policy: 'any',
    dueDate: new Date(clock.now().getTime() + 14 * DAY_MS).toISOString(),
  };
  await workflow.startExecution({ stateMachine: 'approval', name: `approval-${approvalId}`, input: { approval } });
  return approvalId;
}

const HOUR_MS = 3_600_000;
const CLOCK_FIELDS = ['amount', 'unit', 'at', 'rate'] as const;

/** Applies one clock form; bad input → InputInvalidError with the field's Chinese message. */
async function applyClockForm(clock: DevClock, form: Record<string, string>): Promise<void> {
  const invalid = (field: string, message: string) => new InputInvalidError({ [field]: message });
  if (form.action === 'advance') {
    const amount = Number(form.amount);
    if (!Number.isFinite(amount) || amount <= 0) throw invalid('amount', '请填写大于 0 的数字。');
    return clock.advance(amount * (form.unit === 'days' ? 24 * HOUR_MS : HOUR_MS));
  }
  if (form.action === 'jump') {
    const target = new Date(`${form.at ?? ''}${/T\d{2}:\d{2}$/.test(form.at ?? '') ? ':00' : ''}+08:00`);
    if (Number.isNaN(target.getTime())) throw invalid('at', '请选择目标时间。');
    if (target.getTime() < clock.now().getTime()) throw invalid('at', '时钟只能向前，目标时间不能早于当前虚拟时间。');
    return clock.jumpTo(target);
  }
  if (form.action === 'rate') {
    const rate = Number(form.rate);
    if (form.rate === undefined || form.rate.trim() === '' || !Number.isFinite(rate) || rate < 0) throw invalid('rate', '请填写不小于 0 的数字。');
    return clock.setRate(rate);
  }
  throw invalid('action', '请使用页面上的表单操作。');
}

/** The session of an administrator: the outbox holds every approval link and the clock moves every deadline. */
function adminSessionOf(request: SiteRequest): Session {
  const session = sessionOf(request);
  authorizeAdmin(session.actor);
  return session;
}

/** /dev/outbox and /dev/clock: the demo's only, administrators only (same session cookie and CSRF check as the staff site). */
export function createDevPages(options: DevPagesOptions): ExtraRoute[] {
  const { clock } = options;
  const view = () => ({ now: clock.now(), rate: clock.state().rate });
  const site = createSiteApp({
    routes: {
      'GET /dev/outbox': async (request) => htmlResponse(200, outboxPage(await options.outbox.list(100), staffLayout(adminSessionOf(request)), { demoApproval: Boolean(options.workflow) })),
      'GET /dev/clock': async (request) => htmlResponse(200, clockPage(view(), staffLayout(adminSessionOf(request)), { values: {}, errors: {} })),
      'POST /dev/approvals/demo': async (request) => {
        adminSessionOf(request);
        if (!options.workflow) return redirect('/dev/outbox');
        const orgId = options.demoOrgId ?? 'org-demo';
        const org = { id: orgId, name: (await getOrganization(options.store, orgId))?.name };
        const approvalId = await startDemoApproval(options.workflow, clock, org);
        return redirect(`/dev/outbox?approval=${encodeURIComponent(approvalId)}`);
      },
      'POST /dev/clock': async (request) => {
        const staff = staffLayout(adminSessionOf(request));
        const form = Object.fromEntries([...CLOCK_FIELDS, 'action'].map((name) => [name, request.site.form[name] ?? '']));
        try {
          await applyClockForm(clock, form);
          return redirect('/dev/clock');
        } catch (error) {
          if (!(error instanceof InputInvalidError)) throw error;
          return htmlResponse(422, clockPage(view(), staff, { values: form, errors: error.fieldErrors }, error.userMessage));
        }
      },
    },
    session: { store: options.store, clock: options.sessionClock ?? clock },
    cacheControl: 'no-store',
  });
  return [
    { method: 'GET', path: '/dev/outbox', handler: site },
    { method: 'GET', path: '/dev/clock', handler: site },
    { method: 'POST', path: '/dev/clock', handler: site },
    ...(options.workflow ? [{ method: 'POST' as const, path: '/dev/approvals/demo', handler: site }] : []),
  ];
}
