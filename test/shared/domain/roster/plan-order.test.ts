import fc from 'fast-check';
import { OrgTree } from '../../../../shared/domain/registry/org-tree';
import type { Person } from '../../../../shared/domain/registry/person';
import { normalizeIdNumber } from '../../../../shared/domain/registry/id-number';
import { personFromRecord, planRoster, validateRosterRow, type PlanContext, type RosterRow, type RowVerdict } from '../../../../shared/domain/roster';
import { ORGS, personRow } from '../../services/roster/support/roster-fixtures';

const tree = new OrgTree(ORGS);
const scope = new Set(['c1', 'b1', 'b2', 'b-old']);
const resolveOrg: PlanContext['resolveOrg'] = (text) => {
  const org = tree.get(text) ?? ORGS.find((o) => o.name === text && scope.has(o.id)) ?? ORGS.find((o) => o.name === text);
  if (!org) return { kind: 'unknown', text };
  if (org.status === 'closed') return { kind: 'closed', text };
  return scope.has(org.id) ? { kind: 'found', org } : { kind: 'out-of-scope', text };
};

/** Stored people: some of the pool's ID numbers, one of them outside the scope. */
function storedPerson(idNumber: string, orgId: string, phone: string): Person {
  return {
    id: `p-${idNumber}`, orgId, name: 'x', gender: '男', ethnicity: '汉族', birthDate: '1980-01-01', idNumber, education: '', unitPost: '', phone,
    status: 'full', statusHistory: [{ value: 'full', from: '2015-07-01' }], rightsState: 'normal', rightsHistory: [], exclusions: [], version: 3,
  };
}

/** Rows drawn from a small pool so that ID numbers repeat, with a mix of problems. */
const VARIANTS: Record<string, string>[] = [
  {}, { 身份证号: '123' }, { 所在党组织: '不存在' }, { 所在党组织: '教育局第二党支部' }, { 党员状态: '群众' }, { 联系电话: '13000000000' }, { 状态日期: '' },
];
const rowArbitrary = fc.record({ person: fc.integer({ min: 0, max: 11 }), variant: fc.integer({ min: 0, max: VARIANTS.length - 1 }) });

function rowsOf(specs: { person: number; variant: number }[]): RosterRow[] {
  return specs.map(({ person, variant }, index) => ({ rowNumber: index + 2, values: toValues({ ...personRow(person), ...VARIANTS[variant] }) }));
}

const FIELD_OF: Record<string, keyof RosterRow['values']> = {
  姓名: 'name', 性别: 'gender', 民族: 'ethnicity', 出生日期: 'birthDate', 身份证号: 'idNumber', 学历: 'education', 单位及职务: 'unitPost',
  联系电话: 'phone', 电子邮箱: 'email', 所在党组织: 'org', 党员状态: 'status', 状态日期: 'statusDate', 入党申请日期: 'applicationDate',
};
const toValues = (spec: Record<string, string>) => Object.fromEntries(Object.entries(spec).map(([k, v]) => [FIELD_OF[k], v]));

const row3 = { rowNumber: 2, values: toValues(personRow(3)) };
const unchangedPerson = { ...personFromRecord(validateRosterRow(row3, { today: '2026-09-23', resolveOrg }).record!, 'p-3', undefined), version: 3 };

const existing = new Map<string, Person>([
  [normalizeIdNumber(personRow(3).身份证号), unchangedPerson],
  [normalizeIdNumber(personRow(1).身份证号), storedPerson(personRow(1).身份证号, 'b1', '13900000000')],
  [normalizeIdNumber(personRow(2).身份证号), storedPerson(personRow(2).身份证号, 'b4', '13900000000')],
]);
const context: PlanContext = { today: '2026-09-23', resolveOrg, inScope: (id) => scope.has(id), existing };

const comparable = (v: RowVerdict) => ({ outcome: v.outcome, problems: v.problems, changedFields: v.changedFields, record: v.record });
const isDuplicate = (v: RowVerdict) => v.problems.some((p) => p.message.includes('重复'));

describe('planRoster: verdicts do not depend on row order, except which duplicate comes first', () => {
  test('a shuffled file: unique rows keep their verdict; of repeated ID numbers the first in the file wins', () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { minLength: 1, maxLength: 25 }).chain((specs) => fc.tuple(fc.constant(specs), fc.shuffledSubarray(specs.map((_, i) => i), { minLength: specs.length, maxLength: specs.length }))), ([specs, order]) => {
        const rows = rowsOf(specs);
        const shuffled = order.map((i) => rows[i]);
        const verdicts = new Map(planRoster(rows, context).map((v) => [v.rowNumber, v]));
        const shuffledVerdicts = planRoster(shuffled, context);
        const seen = new Map<string, number>();
        for (const verdict of shuffledVerdicts) {
          const row = shuffled.find((r) => r.rowNumber === verdict.rowNumber)!;
          const id = normalizeIdNumber(row.values.idNumber ?? '');
          const alone = planRoster([row], context)[0];
          if (seen.has(id)) {
            expect(isDuplicate(verdict)).toBe(true);
            expect(verdict.problems[0].message).toContain(`第 ${seen.get(id)} 行`);
            continue;
          }
          if (id) seen.set(id, row.rowNumber);
          expect(comparable(verdict)).toEqual(comparable(alone));
          const sameIdRows = rows.filter((r) => normalizeIdNumber(r.values.idNumber ?? '') === id);
          if (sameIdRows.length === 1) expect(comparable(verdict)).toEqual(comparable(verdicts.get(row.rowNumber)!));
        }
      }),
      { numRuns: 150 },
    );
  });

  test('the pool has each kind of verdict (the property is not vacuous)', () => {
    const all = planRoster(rowsOf(Array.from({ length: 12 * VARIANTS.length }, (_, i) => ({ person: i % 12, variant: Math.floor(i / 12) }))), context);
    const firsts = planRoster(rowsOf(Array.from({ length: 12 }, (_, person) => ({ person, variant: 0 }))), context);
    expect(new Set([...all, ...firsts].map((v) => v.outcome))).toEqual(new Set(['changed', 'invalid', 'new', 'unchanged']));
    expect(all.some(isDuplicate)).toBe(true);
    expect(firsts.find((v) => v.name === personRow(2).姓名)?.problems[0].message).toContain('管理范围以外');
  });
});
