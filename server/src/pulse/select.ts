import { PULSE_BANK, PULSE_CONSTRUCTS } from '@parley/shared';

/** Statements per pulse the server picks: short enough to answer without leaving the board. */
export const STATEMENTS_PER_PULSE = 2;

/**
 * The statements of a room's `sequence`-th pulse: consecutive pulses walk through the
 * constructs, so no construct is asked twice in a row, and a construct's second wording
 * is used on the next pass so the same sentence does not come back every few minutes.
 */
export function pickStatements(sequence: number): string[] {
  const picked: string[] = [];
  for (let j = 0; j < STATEMENTS_PER_PULSE; j++) {
    const i = sequence * STATEMENTS_PER_PULSE + j;
    const construct = PULSE_CONSTRUCTS[i % PULSE_CONSTRUCTS.length];
    const wordings = PULSE_BANK.filter((s) => s.construct === construct);
    const statement = wordings[Math.floor(i / PULSE_CONSTRUCTS.length) % wordings.length];
    if (statement) picked.push(statement.id);
  }
  return picked;
}
