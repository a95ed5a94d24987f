import fc from 'fast-check';
import {
  ID_NUMBER_PROBLEM_MESSAGES, idNumberBirthDate, idNumberCheckCharacter, idNumberGender, idNumberProblems, maskIdNumber, normalizeIdNumber,
} from '../../../../shared/domain/registry/id-number';

const withCheck = (first17: string) => first17 + idNumberCheckCharacter(first17);

describe('ID number (GB 11643)', () => {
  test.each([
    ['11010519491231002X', '女', '1949-12-31'], // the standard's own example: check character X
    ['440308199901010012', '男', '1999-01-01'],
    [withCheck('11010520000229001'), '男', '2000-02-29'], // a leap day
  ] as const)('valid: %s', (idNumber, gender, birthDate) => {
    expect(idNumberProblems(idNumber, { gender, birthDate }, '2026-03-02')).toEqual([]);
    expect(idNumberGender(idNumber)).toBe(gender);
    expect(idNumberBirthDate(idNumber)).toBe(birthDate);
  });

  test.each([
    ['110105194912310021', ['check-digit']], // X expected, 1 given
    ['440308199901010013', ['check-digit']],
    ['11010519491231002', ['length']],
    ['11010519491231002X1', ['length']],
    ['', ['length']],
    ['11010519491231002x', ['characters']], // lower case x is normalized first, not accepted raw
    ['1101051949123100XX', ['characters']],
    ['ABCDEF194912310021', ['characters']],
    ['１１０１０５１９４９１２３１００２Ｘ', ['characters']], // full-width: refused raw, accepted once normalized
    [withCheck('11010519990230001'), ['birth-date']], // 30 February
    [withCheck('11010519991301001'), ['birth-date']], // month 13
    [withCheck('11010520010229001'), ['birth-date']], // 2001 is not a leap year
    [withCheck('11010518991231001'), ['birth-date']], // before 1900
    [withCheck('11010520300101001'), ['birth-date']], // in the future
  ] as const)('invalid: %s → %j', (idNumber, problems) => {
    expect(idNumberProblems(idNumber, {}, '2026-03-02')).toEqual(problems);
  });

  test('normalization: spaces, full-width digits and a lower-case x', () => {
    expect(normalizeIdNumber(' １１０１０５１９４９１２３１００２ｘ ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('11010519491231002x')).toBe('11010519491231002X');
  });

  test('against the record: gender and birth date must agree', () => {
    expect(idNumberProblems('11010519491231002X', { gender: '男' })).toEqual(['gender-mismatch']);
    expect(idNumberProblems('11010519491231002X', { birthDate: '1949-12-30' })).toEqual(['birth-date-mismatch']);
    expect(idNumberProblems('110105194912310021', { gender: '男', birthDate: '1950-01-01' })).toEqual(['check-digit', 'birth-date-mismatch', 'gender-mismatch']);
  });

  test('every problem has a Chinese message', () => {
    for (const message of Object.values(ID_NUMBER_PROBLEM_MESSAGES)) expect(message).toMatch(/身份证号/);
  });

  test('masking keeps only the first 3 and last 4 characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
    expect(maskIdNumber('short')).toBe('******');
  });
});

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const birthDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const validIdNumber = fc.tuple(digits(6), birthDate, digits(3)).map(([region, date, sequence]) => withCheck(`${region}${date.replaceAll('-', '')}${sequence}`));

describe('ID number properties', () => {
  test('a generated valid number passes, with the birth date and gender it carries', () => {
    fc.assert(
      fc.property(validIdNumber, (idNumber) => {
        expect(idNumberProblems(idNumber, { birthDate: idNumberBirthDate(idNumber), gender: idNumberGender(idNumber) }, '2026-03-02')).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  test('changing any one character makes it fail (check digit, date, characters) or changes what it says', () => {
    const alphabet = '0123456789X';
    fc.assert(
      fc.property(validIdNumber, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (idNumber, position, shift) => {
        const replacement = alphabet[(alphabet.indexOf(idNumber[position]) + shift) % alphabet.length];
        const changed = idNumber.slice(0, position) + replacement + idNumber.slice(position + 1);
        const problems = idNumberProblems(changed, {}, '2026-03-02');
        // ISO 7064 MOD 11-2 detects every single-character substitution.
        expect(problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});
