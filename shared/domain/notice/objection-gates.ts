/**
 * An open notice's objections are counted on several gate items rather than on the notice itself, so that many people
 * objecting at once do not all write the same item (docs/domain/notices-and-calendar.md). Each objection goes through
 * one gate chosen at random; the notice closes when all its gates close, and its count is their sum.
 */
export const OBJECTION_GATES = 8;

/** The gate an objection goes through, from a random number in [0, 1). */
export function gateFor(random: number, gates: number = OBJECTION_GATES): number {
  return Math.min(gates - 1, Math.floor(random * gates));
}

/** The objections a notice received: the sum of its gates' counts. */
export function objectionsOnGates(gates: readonly { objectionCount: number }[]): number {
  return gates.reduce((sum, gate) => sum + gate.objectionCount, 0);
}
