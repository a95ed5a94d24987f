import { demoIdNumber } from '../../../../infra/local/seed-data';
import { normalizePersonName, parsePeopleQuery, PEOPLE_QUERY_MESSAGES } from '../../../../shared/domain/registry/people-query';

const NUMBER = demoIdNumber('110105', '1985-02-21', 46, '女');
const X_NUMBER = '11010519950312005X';

describe('人员查找: what the box holds', () => {
  test.each([
    ['', { kind: 'empty' }],
    ['  \u3000 ', { kind: 'empty' }],
    [NUMBER, { kind: 'idNumber', idNumber: NUMBER }],
    [`${NUMBER.slice(0, 6)} ${NUMBER.slice(6, 14)} ${NUMBER.slice(14)}`, { kind: 'idNumber', idNumber: NUMBER }], // spaces inside
    [X_NUMBER.toLowerCase(), { kind: 'idNumber', idNumber: X_NUMBER }], // a lower-case x
    [X_NUMBER.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), { kind: 'idNumber', idNumber: X_NUMBER }], // full-width digits
    [NUMBER.slice(0, 17), { kind: 'invalid', message: PEOPLE_QUERY_MESSAGES.idNumber }], // 17 characters: one short
    [`${NUMBER}1`, { kind: 'invalid', message: PEOPLE_QUERY_MESSAGES.idNumber }], // 19
    ['1101051985', { kind: 'invalid', message: PEOPLE_QUERY_MESSAGES.idNumber }], // a part of a number
    ['张3', { kind: 'invalid', message: PEOPLE_QUERY_MESSAGES.idNumber }],
    ['张', { kind: 'invalid', message: PEOPLE_QUERY_MESSAGES.short }], // one character: too short
    ['张伟', { kind: 'name', name: '张伟' }], // two: the shortest name
    [' 张 伟 ', { kind: 'name', name: '张伟' }],
    ['阿依古丽•买买提', { kind: 'name', name: '阿依古丽·买买提' }],
    ['王'.repeat(40), { kind: 'name', name: '王'.repeat(40) }],
    ['王'.repeat(41), { kind: 'invalid', message: PEOPLE_QUERY_MESSAGES.long }],
  ])('%j', (raw, expected) => {
    expect(parsePeopleQuery(raw)).toEqual(expected);
  });

  test('an ID number is never taken from an address (kept in histories and logs); a name is', () => {
    expect(parsePeopleQuery(NUMBER, { inAddress: true })).toEqual({ kind: 'invalid', message: PEOPLE_QUERY_MESSAGES.inAddress });
    expect(parsePeopleQuery('1101', { inAddress: true })).toEqual({ kind: 'invalid', message: PEOPLE_QUERY_MESSAGES.inAddress });
    expect(parsePeopleQuery('张伟', { inAddress: true })).toEqual({ kind: 'name', name: '张伟' });
  });

  test('a stored name and a typed one meet: full-width forms, spaces and middle dots', () => {
    expect(normalizePersonName('阿依古丽·买买提')).toBe(normalizePersonName('阿依古丽 ・ 买买提'));
    expect(normalizePersonName('ＬＩ Ｍｉｎｇ')).toBe('LIMing');
    for (const message of Object.values(PEOPLE_QUERY_MESSAGES)) expect(message).toMatch(/[\u4e00-\u9fff]/);
  });
});
