import type { Person } from '../../../../shared/store/people-repo';
import { putTestOrg, putTestPerson, testOrg, testPerson } from '../../../support/registry-fixtures';
import type { Store } from '../../../../shared/store/store';
import { Browser, csrfFrom } from './http-client';

/** A person whose private data must never reach a public page. */
export const PRIVATE_PERSON: Person = testPerson({
  orgId: 'org-a',
  name: '张小明',
  gender: '男',
  birthDate: '1995-03-12',
  idNumber: '11010519950312005X',
  education: '大学本科',
  unitPost: '综合科 科员',
  phone: '13912345678',
  email: 'zhang.private@example.org',
  address: '示例市东城区秘密路 99 号',
  status: 'activist',
  statusHistory: [{ value: 'applicant', from: '2024-03-15' }, { value: 'activist', from: '2024-09-27' }],
  applicationDate: '2024-03-15',
});

export async function seedPerson(store: Store): Promise<void> {
  await putTestOrg(store, testOrg({ id: 'org-a', name: '示例党支部', kind: 'branch' }));
  await putTestPerson(store, PRIVATE_PERSON);
}

export const PUBLISH_FORM = {
  personId: PRIVATE_PERSON.id,
  kind: 'development-target',
  audience: 'public',
  previousStageLabel: '确定为入党积极分子时间',
  previousStageDate: '2024-09-27',
  proposedStep: '拟确定为发展对象',
  office: '机关党委组织科',
  contact: '010-65550305',
  periodUnit: 'workingDays',
  periodCount: '5',
};

/** Publishes through the staff form like a browser; answers the notice id. */
export async function publishWithForm(browser: Browser, csrf: string, overrides: Record<string, string> = {}): Promise<string> {
  const form = await browser.get('/staff/notices/new');
  const idempotencyKey = /name="idempotencyKey" value="([^"]+)"/.exec(form.body ?? '')?.[1] ?? '';
  const result = await browser.post('/staff/notices', { _csrf: csrf, idempotencyKey, ...PUBLISH_FORM, ...overrides });
  if (result.statusCode !== 303) throw new Error(`Publishing failed with ${result.statusCode}: ${result.body}`);
  return decodeURIComponent(/published=([^&]+)/.exec(result.headers?.location as string)?.[1] ?? '');
}

export { csrfFrom };
