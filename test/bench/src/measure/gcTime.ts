import { PerformanceObserver, constants } from 'node:perf_hooks';

/** Time this process spends in garbage collection from now until `stop()` (ms). */
export function watchGcTime(): {
  stop(): { totalMs: number; majorMs: number };
} {
  let totalMs = 0;
  let majorMs = 0;
  const observer = new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      totalMs += entry.duration;
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR)
        majorMs += entry.duration;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop() {
      observer.disconnect();
      return { totalMs, majorMs };
    },
  };
}
