/**
 * CSM-side domain engine (customers spec; DESIGN §7): pure functions, no IO, no clock (`now` is passed in).
 * docs/domain.md explains each formula for CSMs. Test fixtures and arbitraries are not exported.
 */
export * from './health-input.ts';
export * from './health-factors.ts';
export * from './health-config.ts';
export * from './health-score.ts';
export * from './health-explain.ts';
export * from './risk.ts';
export * from './risk-portfolio.ts';
export * from './logistic-regression.ts';
export * from './churn.ts';
export * from './needs.ts';
export * from './expansion.ts';
export * from './insights.ts';
export * from './recommendations.ts';
export * from './signals.ts';
export * from './customer-inputs.ts';
export * from './assess-customer.ts';
export * from './portfolio-kpis.ts';
export { calendarDate, DEFAULT_TIME_ZONE } from './dates.ts';
