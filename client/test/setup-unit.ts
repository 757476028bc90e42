/**
 * Unit-project setup. jsdom files render the real app over RxDB, which on a loaded 2-core machine can take a
 * few seconds to show a screen; `findBy…`/`waitFor` default to 1 s. A generous wait changes no assertion (a
 * broken screen still fails, just later) — it only keeps slow-but-correct renders from failing. No test
 * asserts on time (speed is measured in `npm run bench`).
 */
export {};

if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 10_000 });
}
