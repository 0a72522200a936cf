import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import {
  type CpuUsage,
  findCgroupUsageFile,
  formatCpuComparison,
  parseCpuStatUsageUsec,
  parseMachineTicks,
  parseProcessStat,
  readCgroupUsageMs,
  readDataRootFlag,
  sumProcessTreeTicks,
} from "./cpu-accounting";

// Fields 3 to 17 (state … cstime) and a few after, as the kernel writes them.
const statLine = (pid: number, comm: string, ppid: number, [utime, stime, cutime, cstime]: number[]) =>
  `${pid} (${comm}) S ${ppid} ${pid} ${pid} 0 -1 4194560 1520 0 0 0 ${utime} ${stime} ${cutime} ${cstime} 20 0 1 0 3310 12345 67 18446744073709551615`;

describe("/proc/<pid>/stat", () => {
  it("reads a command name holding spaces and parentheses, and sums own and reaped children's CPU", () => {
    const stat = parseProcessStat(statLine(4242, "odd (name) ) here", 17, [25, 7, 3, 2]));
    expect(stat).toEqual({ pid: 4242, comm: "odd (name) ) here", ppid: 17, cpuTicks: 37 });
  });

  it("reads this process's own line", () => {
    const stat = parseProcessStat(readFileSync("/proc/self/stat", "utf8"));
    expect(stat.pid).toBe(process.pid);
    expect(stat.ppid).toBe(process.ppid);
    expect(stat.comm.length).toBeGreaterThan(0);
    expect(stat.cpuTicks).toBeGreaterThanOrEqual(0);
  });

  it("refuses a line that is not one", () => {
    expect(() => parseProcessStat("no parentheses here")).toThrow(/not a \/proc/);
  });

  it("sums a process tree, leaving a descendant that is another group's root to that group", () => {
    const table = new Map(
      [
        statLine(100, "dockerd", 1, [50, 10, 5, 5]),
        statLine(101, "containerd", 100, [20, 5, 0, 0]),
        statLine(102, "containerd-shim", 101, [3, 1, 0, 0]),
        statLine(200, "node", 100, [400, 40, 0, 0]),
        statLine(300, "postgres", 1, [9, 1, 0, 0]),
      ].map((line) => {
        const stat = parseProcessStat(line);
        return [stat.pid, stat] as const;
      }),
    );
    expect(sumProcessTreeTicks(table, 100)).toBe(70 + 25 + 4 + 440);
    expect(sumProcessTreeTicks(table, 100, new Set([100, 200]))).toBe(70 + 25 + 4);
    expect(sumProcessTreeTicks(table, 999)).toBe(0);
  });
});

describe("engine data root", () => {
  it("reads --data-root in either spelling, the old -g, or nothing", () => {
    expect(readDataRootFlag(["dockerd", "--data-root=/tmp/engine/data", "--bridge=none"])).toBe("/tmp/engine/data");
    expect(readDataRootFlag(["dockerd", "--data-root", "/srv/docker"])).toBe("/srv/docker");
    expect(readDataRootFlag(["dockerd", "-g", "/srv/old"])).toBe("/srv/old");
    expect(readDataRootFlag(["dockerd"])).toBeUndefined();
  });
});

describe("machine and cgroup counters", () => {
  it("counts busy time without idle, iowait or steal", () => {
    const ticks = parseMachineTicks("cpu  2641825 34599 538113 877555 11341 7 11803 1720 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n");
    expect(ticks).toEqual({ busy: 2641825 + 34599 + 538113 + 7 + 11803, idle: 877555 + 11341 });
  });

  it("reads usage_usec from a cgroup v2 cpu.stat", () => {
    const text = "usage_usec 8123456\nuser_usec 6000000\nsystem_usec 2123456\nnr_periods 0\nnr_throttled 0\nthrottled_usec 0\n";
    expect(parseCpuStatUsageUsec(text)).toBe(8123456);
    expect(() => parseCpuStatUsageUsec("user_usec 1\n")).toThrow(/usage_usec/);
  });

  it("finds and reads this machine's root cgroup counter, and no counter for a cgroup that is not there", () => {
    const version = existsSync("/sys/fs/cgroup/cgroup.controllers") ? "2" : "1";
    const file = findCgroupUsageFile("/", version);
    expect(file).toBeDefined();
    expect(readCgroupUsageMs(file!)).toBeGreaterThan(0);
    expect(findCgroupUsageFile("/academy-no-such-parent", version)).toBeUndefined();
  });

  it("finds a parent's counter a few levels down when it is not where the driver usually puts it", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "cgroup-search-"));
    try {
      const nested = path.join(root, "cpu,cpuacct", "machine.slice", "academybenchpipeline.slice");
      mkdirSync(nested, { recursive: true });
      writeFileSync(path.join(nested, "cpuacct.usage"), "2500000000\n");
      const file = findCgroupUsageFile("academybenchpipeline.slice", "1", root);
      expect(file).toBe(path.join(nested, "cpuacct.usage"));
      expect(readCgroupUsageMs(file!)).toBe(2500);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("the CPU comparison", () => {
  const pipeline: CpuUsage = { containers: 30_000, engine: 9_000, grader: 3_000, postgres: 1_500, bench: 600, machine: 50_000 };
  const bare: CpuUsage = { containers: 28_000, engine: 4_000, grader: 300, postgres: 1_000, bench: 300, machine: 36_000 };

  it("prints per grading each part, the rest of the machine as other, and names the parts that carry the difference", () => {
    const lines = formatCpuComparison({ phase: "burst", pipeline, bare, gradings: 10 });
    const row = (label: string) => lines.find((line) => line.trimStart().startsWith(label))!.trim().split(/\s{2,}/).slice(1);
    expect(row("in the containers")).toEqual(["3000 ms", "2800 ms", "+200 ms"]);
    expect(row("other")).toEqual(["590 ms", "240 ms", "+350 ms"]);
    expect(row("machine total")).toEqual(["5000 ms", "3600 ms", "+1400 ms"]);
    expect(lines.at(-1)).toBe(
      "the pipeline costs 1400 ms more CPU per grading than a bare run (burst): Docker engine +500 ms, other +350 ms, grader service +270 ms",
    );
    expect(Math.max(...lines.slice(0, -1).map((line) => line.length))).toBeLessThanOrEqual(100);
  });

  it("shows the containers as n/a and leaves their CPU in other when no cgroup counter was read", () => {
    const lines = formatCpuComparison({ phase: "sequential", pipeline: { ...pipeline, containers: undefined }, bare: { ...bare, containers: undefined }, gradings: 10 });
    expect(lines.find((line) => line.includes("in the containers"))).toMatch(/n\/a\s+n\/a\s+n\/a$/);
    expect(lines.find((line) => line.includes("other"))).toMatch(/3590 ms\s+3040 ms\s+\+550 ms$/);
  });
});
