// The benchmarks' figures: percentiles of a list of numbers, and the CPU and memory of processes (from /proc).
import { readdirSync, readFileSync } from 'node:fs';

/** Nearest-rank percentile of an ascending array (p in 0..100). */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** n, mean, min, p50, p90, p95, p99, max of a list of numbers. */
export function summarize(values) {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    n: sorted.length,
    mean: sorted.length ? sum / sorted.length : NaN,
    min: sorted.length ? sorted[0] : NaN,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

/** The processes whose command line names `marker` (e.g. a browser window's own profile folder). */
function processesNaming(marker) {
  const out = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes(marker)) out.push({ pid, cmdline });
    } catch {
      // the process ended while we read it
    }
  }
  return out;
}

/**
 * Memory (MiB) of every process whose command line names `marker` (the window's profile folder): proportional set
 * size, so libraries and shared memory the processes share are counted once, not once per process.
 */
export function windowMemory(marker) {
  let kb = 0;
  let processes = 0;
  for (const { pid } of processesNaming(marker)) {
    try {
      const m = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m);
      if (m) {
        kb += Number(m[1]);
        processes++;
      }
    } catch {
      // the process ended while we read it
    }
  }
  return { mib: kb / 1024, processes };
}

/**
 * CPU seconds used so far by each kind of process of a browser window (`--type=` of Chromium's command line:
 * renderer, gpu-process, utility…; "browser" for the main process), for processes naming `marker`. Subtract two
 * readings for the CPU of an interval.
 */
export function windowCpu(marker) {
  const byType = {};
  for (const { pid, cmdline } of processesNaming(marker)) {
    const type = cmdline.match(/--type=([\w-]+)/)?.[1] ?? 'browser';
    byType[type] = (byType[type] ?? 0) + processCpuSeconds(pid);
  }
  return byType;
}

/** CPU seconds used so far by one process (utime + stime); 0 once it has ended. */
export function processCpuSeconds(pid) {
  const ticksPerSecond = 100; // USER_HZ on Linux
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return 0; // the process ended
  }
}

/** CPU (cores) per process kind between two windowCpu readings `seconds` apart, with a total. */
export function cpuBetween(before, after, seconds) {
  const out = {};
  let total = 0;
  for (const [type, s] of Object.entries(after)) {
    const d = Math.max(0, s - (before[type] ?? 0)) / seconds;
    out[type] = Math.round(d * 100) / 100;
    total += d;
  }
  out.total = Math.round(total * 100) / 100;
  return out;
}
