// Memory of a whole headless Chromium, for the benchmark and the memory test.
import { readFileSync } from 'node:fs';

/**
 * Proportional set size (MB) summed over every process of `browser` (renderers hold the page,
 * its workers and their wasm): pages shared between processes count once.
 */
export async function browserMemoryMb(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  await cdp.detach();
  let kb = 0;
  for (const { id } of processInfo) {
    try {
      kb += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${id}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // The process ended between the two calls.
    }
  }
  return kb / 1024;
}

/** Samples browserMemoryMb every `intervalMs` until stopped; returns the samples and the peak. */
export function sampleMemory(browser, intervalMs = 1000) {
  const samples = [];
  let timer;
  let stopped = false;
  const tick = async () => {
    const mb = await browserMemoryMb(browser).catch((error) => {
      // A sample still in flight when the caller stopped and closed the browser is dropped.
      if (!stopped) throw error;
    });
    if (stopped) return;
    samples.push({ at: Date.now(), mb });
    timer = setTimeout(tick, intervalMs);
  };
  void tick();
  return {
    samples,
    stop() {
      stopped = true;
      clearTimeout(timer);
      return Math.max(...samples.map((s) => s.mb));
    },
  };
}
