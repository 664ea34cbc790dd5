// A tiny observable value, and a Preact hook that re-renders when it changes.

import { useEffect, useState } from 'preact/hooks';

export function signal(initial) {
  let value = initial;
  const listeners = new Set();
  return {
    get: () => value,
    set(v) { value = v; for (const l of [...listeners]) l(v); },
    subscribe(l) { listeners.add(l); return () => listeners.delete(l); },
  };
}

export function useSignal(s) {
  const [, force] = useState(0);
  useEffect(() => s.subscribe(() => force((n) => n + 1)), [s]);
  return s.get();
}
