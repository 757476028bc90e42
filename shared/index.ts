export * from './collections/index.ts';
export * from './entities/common.ts';
export * from './entities/customer.ts';
export * from './entities/billing.ts';
export * from './entities/csm.ts';
export * from './entities/support.ts';
export * from './entities/portal.ts';
