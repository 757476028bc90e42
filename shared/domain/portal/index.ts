/**
 * Client-portal domain rules (DESIGN §7 "Client side", seed: client-dashboard-strategy.pt-BR.md). Pure: no
 * DOM, no Node, no IO, no clock (`now`/`asOf` are parameters), no randomness. Every rule parses its input
 * with zod (invalid input throws a ZodError naming the field). Formulas: docs/domain-client.md.
 */
export * from './ab-test.ts';
export * from './badges.ts';
export * from './engagement-score.ts';
export * from './goals.ts';
export * from './lead-score.ts';
export * from './numbers.ts';
export * from './projection.ts';
export * from './roi.ts';
export * from './sla.ts';
export * from './streak.ts';
export * from './ticket-reply.ts';
export * from './time.ts';
export * from './xp.ts';
