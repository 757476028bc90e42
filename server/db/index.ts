/** The database layer: see database.ts (connection, transactions, identity), collections/ (row mapper),
 * ordering.ts (gap-free server_seq), migrations/ (schema + RLS). */
export * from './database.ts';
export * from './errors.ts';
export * from './identity.ts';
export * from './ordering.ts';
export * from './collections/index.ts';
