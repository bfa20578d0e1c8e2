/**
 * CPU used by each part of the mixed workload during a load run (issue 16: "say what a machine
 * with separate cores would give, from CPU per request"): the server instances (all threads, from
 * /proc/<pid>/stat), every PostgreSQL process (postmaster and backends, by name), and this
 * process (the load generator). Linux only; elsewhere it reports nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** utime + stime of one process in ms, or 0 when it is gone or unreadable. */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at ") ".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

function postgresCpuMs(): number {
  let total = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/comm`, 'utf8').trim() === 'postgres')
        total += processCpuMs(Number(name));
    } catch {
      // a process that ended while we looked
    }
  }
  return total;
}

export interface CpuSample {
  servers: number;
  postgres: number;
  client: number;
  wallMs: number;
}

export function sampleCpu(serverPids: number[]): CpuSample {
  const own = process.cpuUsage();
  return {
    servers: serverPids.reduce((t, p) => t + processCpuMs(p), 0),
    postgres: postgresCpuMs(),
    client: (own.user + own.system) / 1000,
    wallMs: performance.now(),
  };
}

export interface CpuPerRequest {
  servers: number;
  postgres: number;
  client: number;
  /** Cores busy on average during the run, all parts together. */
  coresBusy: number;
}

export function cpuPerRequest(before: CpuSample, after: CpuSample, requests: number): CpuPerRequest {
  const d = (k: 'servers' | 'postgres' | 'client') => after[k] - before[k];
  const wall = after.wallMs - before.wallMs;
  return {
    servers: d('servers') / requests,
    postgres: d('postgres') / requests,
    client: d('client') / requests,
    coresBusy: (d('servers') + d('postgres') + d('client')) / wall,
  };
}
