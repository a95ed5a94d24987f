import { parseTallyInput, tallyChecked, tallyRound, type Ballot, type TallyInput } from '../../shared/domain/election';
import { round } from './stats';

export interface TallyBenchOptions {
  /** Ballots in the round (10,000). */
  ballots?: number;
  /** Candidates on the ballot (15). */
  candidates?: number;
  /** Seats (9). */
  seats?: number;
  /** Timed runs of each; the median is reported (7, after 3 untimed). */
  runs?: number;
}

export interface TallyBenchResult {
  ballots: number;
  candidates: number;
  seats: number;
  runs: number;
  /** `tallyRound` on the whole input (zod check included), median run, ms. */
  tallyMs: number;
  /** `tallyChecked` on the input checked beforehand: the counting and the rules without zod, median run, ms. */
  countingMs: number;
  /** A bare loop counting marks per name over the same ballots, median run, ms. */
  floorMs: number;
  /** tallyMs ÷ floorMs. */
  ratio: number;
  elected: number;
}

/** A deterministic generator (mulberry32): the bench needs the same ballots on every run, not randomness. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A round of `ballots` ballots: most mark up to `seats` names (favourites more often), 1% spoiled, 1% over-marked, 2% with a write-in. */
export function benchRound(ballots: number, candidateCount: number, seats: number): TallyInput {
  const random = generator(20260923);
  const candidates = Array.from({ length: candidateCount }, (_, i) => `候选人${String(i + 1).padStart(2, '0')}`);
  const list: Ballot[] = [];
  for (let b = 0; b < ballots; b++) {
    const roll = random();
    if (roll < 0.01) {
      list.push('spoiled');
      continue;
    }
    const marks = roll < 0.02 ? seats + 1 : 1 + Math.floor(random() * seats);
    const chosen = new Set<string>();
    while (chosen.size < marks) chosen.add(candidates[Math.floor(random() ** 1.5 * candidateCount)]);
    if (roll > 0.98 && marks < seats) chosen.add(`另选${Math.floor(random() * 5)}`);
    list.push([...chosen]);
  }
  return { seats, candidates, shouldAttend: ballots, present: ballots, ballotsIssued: ballots, ballots: list };
}

/** The floor: just count the marks per name, no checks, no rules. */
function bareCount(ballots: readonly Ballot[]): Map<string, number> {
  const votes = new Map<string, number>();
  for (const ballot of ballots) {
    if (ballot === 'spoiled') continue;
    for (const name of ballot) votes.set(name, (votes.get(name) ?? 0) + 1);
  }
  return votes;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** Part 6: 10,000 ballots for 15 candidates (9 seats) through `tallyRound`, against a bare counting loop as the floor. */
export function runTallyBench(options: TallyBenchOptions = {}): TallyBenchResult {
  const ballots = options.ballots ?? 10_000;
  const candidates = options.candidates ?? 15;
  const seats = options.seats ?? 9;
  const runs = options.runs ?? 7;
  const input = benchRound(ballots, candidates, seats);
  let sink = 0;
  for (let i = 0; i < 3; i++) sink += tallyRound(input).elected.length + bareCount(input.ballots ?? []).size;
  const checked = parseTallyInput(input);
  const tallyRuns: number[] = [];
  const countingRuns: number[] = [];
  const floorRuns: number[] = [];
  let elected = 0;
  for (let i = 0; i < runs; i++) {
    tallyRuns.push(time(() => (elected = tallyRound(input).elected.length)));
    countingRuns.push(time(() => (sink += tallyChecked(checked).seatsUnfilled)));
    floorRuns.push(time(() => (sink += bareCount(input.ballots ?? []).size)));
  }
  if (sink < 0) throw new Error('unreachable');
  const tallyMs = median(tallyRuns);
  const floorMs = median(floorRuns);
  return { ballots, candidates, seats, runs, tallyMs, countingMs: median(countingRuns), floorMs, ratio: tallyMs / floorMs, elected };
}

export function formatTallyBench(r: TallyBenchResult, title = '6. Election tally'): string {
  return [
    `${title}: ${r.ballots.toLocaleString('en')} ballots, ${r.candidates} candidates, ${r.seats} seats (median of ${r.runs} runs, after 3 untimed)`,
    `  tallyRound   ${round(r.tallyMs, 2)} ms  input checked with zod, ballots counted, threshold, ranking (${r.elected} elected)`,
    `  without zod  ${round(r.countingMs, 2)} ms  tallyChecked on input checked beforehand: counting and rules only (${round(r.countingMs / r.floorMs, 1)}× the floor)`,
    `  bare count   ${round(r.floorMs, 2)} ms  a loop counting marks per name (floor)`,
    `  ratio        ${round(r.ratio, 1)}×`,
  ].join('\n');
}

export function tallyBenchJson(r: TallyBenchResult): Record<string, number> {
  return { ballots: r.ballots, candidates: r.candidates, seats: r.seats, runs: r.runs, tallyMs: round(r.tallyMs, 2), countingMs: round(r.countingMs, 2), floorMs: round(r.floorMs, 2), ratio: round(r.ratio, 1) };
}
