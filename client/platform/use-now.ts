import { useEffect, useState } from 'react';
import { useDependencies } from './dependencies.tsx';

/** The injected clock's time, refreshed every `intervalMs` — for "há 2 min." labels that must age. */
export function useNow(intervalMs = 30_000): Date {
  const { now } = useDependencies();
  const [current, setCurrent] = useState(now);
  useEffect(() => {
    const id = setInterval(() => setCurrent(now()), intervalMs);
    return () => clearInterval(id);
  }, [now, intervalMs]);
  return current;
}
