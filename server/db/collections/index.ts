export * from './mapper.ts';
export * from './table-spec.ts';
export * from './codecs.ts';
