import fs from 'node:fs';
import os from 'node:os';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryBytes: number;
  node: string;
  platform: string;
  /** 1-minute load average when the run started (others' work on a shared machine). */
  loadAverage: number;
}

export function describeMachine(): Machine {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const line = fs
      .readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find(l => l.startsWith('model name'));
    if (line) cpuModel = line.split(':')[1].trim();
  } catch {
    // not Linux: os.cpus() it is
  }
  return {
    cpus: os.availableParallelism(),
    cpuModel,
    memoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg()[0],
  };
}
