import type { NoticeSubject } from './notice';

/** The fields of a person's record a notice may use. */
export interface PersonRecord {
  name: string;
  gender: '男' | '女';
  birthDate: string;
  education: string;
  unitPost: string;
}

/**
 * Reduces a person to what a public notice shows (docs/domain/organizations-and-people.md): name, gender, birth year and month,
 * education, unit/post. Everything else (ID number, phone, address, full birth date) is dropped.
 */
export function reduceSubject(person: PersonRecord): NoticeSubject {
  return {
    name: person.name,
    gender: person.gender,
    birthYearMonth: person.birthDate.slice(0, 7),
    education: person.education,
    unitPost: person.unitPost,
  };
}
