// How responsive the page's own thread is while workers compute, measured by the page itself (so
// the test runner's delays do not count). Each is a string, not a function: the test runner's
// transpiler would add helpers the page lacks.
import type { Page } from 'playwright-core';

/** Clicks `target` in the page and answers the milliseconds until `response` matches (Infinity after 10 s). */
export function responseTime(page: Page, target: string, response: string): Promise<number> {
  return page.evaluate(`(async () => {
    const started = performance.now();
    document.querySelector(${JSON.stringify(target)}).click();
    while (!document.querySelector(${JSON.stringify(response)})) {
      if (performance.now() - started > 10000) return Infinity;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return performance.now() - started;
  })()`);
}

/** The page's event-loop lag over `ms`: how late 20 ms timers fire (median and maximum). */
export function eventLoopLag(page: Page, ms: number): Promise<{ median: number; max: number }> {
  return page.evaluate(`(async () => {
    const lags = [];
    const end = performance.now() + ${ms};
    while (performance.now() < end) {
      const asked = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 20));
      lags.push(performance.now() - asked - 20);
    }
    lags.sort((a, b) => a - b);
    return { median: lags[Math.floor(lags.length / 2)], max: lags[lags.length - 1] };
  })()`);
}

/** A job watched from its click to its end: when it was first seen in each state, the event-loop lag, and the main thread's long tasks. */
export interface WatchedJob {
  /** Milliseconds from the click to the first sight of each of `states`, and to `done`. */
  seen: Record<string, number>;
  total: number;
  lag: { median: number; max: number };
  /** Main-thread tasks over 50 ms (the Long Tasks API), longest first. */
  longTasks: number[];
}

/**
 * Clicks `target`, then samples the page every 20 ms until `done` matches once one of `states`
 * has (the job has started), or `timeout` ms pass: for each selector of `states`, when it first matched.
 */
export function watchJob(page: Page, target: string, done: string, states: Record<string, string>, timeout = 120_000): Promise<WatchedJob> {
  return page.evaluate(`(async () => {
    const longTasks = [];
    const observer = new PerformanceObserver((list) => { for (const entry of list.getEntries()) longTasks.push(entry.duration); });
    observer.observe({ type: 'longtask' });
    const states = ${JSON.stringify(states)};
    const seen = {};
    const lags = [];
    const started = performance.now();
    document.querySelector(${JSON.stringify(target)}).click();
    while (Object.keys(seen).length === 0 || !document.querySelector(${JSON.stringify(done)})) {
      if (performance.now() - started > ${timeout}) break;
      for (const [name, selector] of Object.entries(states)) if (!(name in seen) && document.querySelector(selector)) seen[name] = performance.now() - started;
      const asked = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 20));
      lags.push(performance.now() - asked - 20);
    }
    const total = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100)); // long tasks are reported after they end
    observer.disconnect();
    lags.sort((a, b) => a - b);
    longTasks.sort((a, b) => b - a);
    return { seen, total, lag: { median: lags[Math.floor(lags.length / 2)] ?? 0, max: lags[lags.length - 1] ?? 0 }, longTasks };
  })()`);
}
