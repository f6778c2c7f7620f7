/**
 * Wall time and CPU time (all threads: workers included) of each phase of a build, printed to stderr when DIGEST_TIMINGS is set: how the bench's
 * "where the time goes" notes are measured. Off, it costs one comparison per phase.
 */
const enabled = Boolean(process.env.DIGEST_TIMINGS);
let last = performance.now();
let lastCpu = process.cpuUsage();

/** Ends the current phase under `label` and starts the next one. */
export function phaseDone(label: string): void {
  if (!enabled) return;
  const now = performance.now();
  const cpu = process.cpuUsage(lastCpu);
  const { rss, heapUsed } = process.memoryUsage();
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
  process.stderr.write(`[timing] ${label}: ${Math.round(now - last)} ms, cpu ${cpuMs} ms (rss ${Math.round(rss / 2 ** 20)} MiB, heap ${Math.round(heapUsed / 2 ** 20)} MiB)\n`);
  last = now;
  lastCpu = process.cpuUsage();
}
