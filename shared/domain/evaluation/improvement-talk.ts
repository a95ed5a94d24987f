import { InputInvalidError } from '../../errors';
import type { DecidedGrade } from './evaluation';

/** An improvement talk (谈心谈话) with a member graded 基本合格, as recorded (V10). */
export interface ImprovementTalk {
  /** The day of the talk (YYYY-MM-DD). */
  date: string;
  /** Who talked with the member (names, posts). */
  talkers: string;
  /** What was said, in short. */
  note: string;
}

/** What recording a talk does: the grades with the talk on the member's follow-up, or nothing if it is already there. */
export type TalkRecording = { kind: 'recorded'; grades: DecidedGrade[]; grade: DecidedGrade } | { kind: 'already-recorded'; grade: DecidedGrade };

const same = (a: ImprovementTalk, b: ImprovementTalk) => a.date === b.date && a.talkers === b.talkers && a.note === b.note;

/**
 * Records an improvement talk on its own (docs/domain/evaluation.md, V10), before the follow-up step is submitted:
 * only for a member whose grade asks for one (基本合格), dated from the publication of the grades to today. The talk
 * sets the follow-up's `doneOn`, which stops its reminders. The same talk again (a double submission) changes
 * nothing; a different one once a talk is recorded is refused (the record is kept as it was first made).
 */
export function recordImprovementTalk(grades: readonly DecidedGrade[], personId: string, talk: ImprovementTalk, publishedOn: string, today: string): TalkRecording {
  const grade = grades.find((g) => g.personId === personId);
  if (!grade || grade.followUp?.kind !== 'improvement-talk') throw new InputInvalidError({ personId: '只有评定为基本合格的党员需要登记谈心谈话，请从列表中选择。' });
  const recorded = grade.followUp.talk ?? (grade.followUp.doneOn ? { date: grade.followUp.doneOn, talkers: '', note: '' } : undefined);
  if (recorded) {
    if (grade.followUp.talk && same(grade.followUp.talk, talk)) return { kind: 'already-recorded', grade };
    throw new InputInvalidError({ personId: `${grade.name}的谈心谈话已于 ${recorded.date} 登记，不能重复登记。` });
  }
  if (talk.date > today) throw new InputInvalidError({ date: '谈话日期不能晚于今天。' });
  if (talk.date < publishedOn) throw new InputInvalidError({ date: `谈话日期不能早于定档结果公开之日（${publishedOn}）。` });
  const next: DecidedGrade = { ...grade, followUp: { ...grade.followUp, doneOn: talk.date, talk: { date: talk.date, talkers: talk.talkers, note: talk.note } } };
  return { kind: 'recorded', grades: grades.map((g) => (g.personId === personId ? next : g)), grade: next };
}
