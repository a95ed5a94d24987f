import { EXCLUSION_REASON_LABELS, exclusionOn, statusOn, type Person } from '../registry/person';

export interface EvaluatedMember {
  personId: string;
  name: string;
  probationary: boolean;
}

export interface ExcludedFromEvaluation {
  personId: string;
  name: string;
  reasonLabel: string;
  note?: string;
}

export interface Participants {
  evaluated: EvaluatedMember[];
  excluded: ExcludedFromEvaluation[];
}

/**
 * Who is evaluated on `date` (docs/domain/evaluation.md, V3): every full and probationary member of the branch on that
 * date, less those with a recorded attendance exclusion (abroad, long illness…), who are listed with the reason —
 * the same exclusions as "should attend" of a general meeting. Rights restricted (留党察看) do not exclude.
 */
export function evaluationParticipants(people: readonly Pick<Person, 'id' | 'name' | 'statusHistory' | 'exclusions'>[], date: string): Participants {
  const evaluated: EvaluatedMember[] = [];
  const excluded: ExcludedFromEvaluation[] = [];
  for (const person of people) {
    const status = statusOn(person, date);
    if (status !== 'full' && status !== 'probationary') continue;
    const exclusion = exclusionOn(person, date);
    if (exclusion) excluded.push({ personId: person.id, name: person.name, reasonLabel: EXCLUSION_REASON_LABELS[exclusion.reason], note: exclusion.note });
    else evaluated.push({ personId: person.id, name: person.name, probationary: status === 'probationary' });
  }
  return { evaluated, excluded };
}
