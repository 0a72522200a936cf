// CPU accounting for `pnpm bench:grader`: where a grading's CPU goes, from the kernel's own counters
// (cgroup usage for the containers, /proc for the processes around them, /proc/stat for the machine).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmdirSync } from "node:fs";
import path from "node:path";

const CGROUP_ROOT = "/sys/fs/cgroup";

export type CgroupDriver = "cgroupfs" | "systemd";
export type CgroupVersion = "1" | "2";

/** The fields of one /proc/<pid>/stat line the accounting needs; CPU in clock ticks. */
export type ProcessStat = { pid: number; comm: string; ppid: number; cpuTicks: number };

/** `cpuTicks` is utime + stime + cutime + cstime: the process's own CPU and that of the children it
 * reaped, so a helper the engine re-execs, or a Postgres backend that ended, still counts. */
export function parseProcessStat(line: string): ProcessStat {
  // The command name sits in parentheses and may itself hold spaces and parentheses: the last ")" ends it.
  const open = line.indexOf("(");
  const close = line.lastIndexOf(")");
  if (open < 0 || close < open) throw new Error(`not a /proc/<pid>/stat line: ${line.slice(0, 80)}`);
  const fields = line.slice(close + 1).trim().split(/\s+/).map(Number);
  // fields[0] is the line's field 3 (state); the ones needed are 4 (ppid) and 14 to 17.
  const field = (position: number) => fields[position - 3] ?? Number.NaN;
  const stat = {
    pid: Number(line.slice(0, open)),
    comm: line.slice(open + 1, close),
    ppid: field(4),
    cpuTicks: field(14) + field(15) + field(16) + field(17),
  };
  if (!Number.isInteger(stat.pid) || !Number.isFinite(stat.cpuTicks)) throw new Error(`not a /proc/<pid>/stat line: ${line.slice(0, 80)}`);
  return stat;
}

/** Every process alive now, by pid (one that ends while the table is read is left out). */
export function readProcessTable(): Map<number, ProcessStat> {
  const table = new Map<number, ProcessStat>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const line = readFileIfPresent(`/proc/${entry}/stat`);
    if (line !== undefined) table.set(Number(entry), parseProcessStat(line));
  }
  return table;
}

/** CPU ticks of a process and its live descendants: a child that ends moves its time into its
 * parent's cutime/cstime, so the sum stays whole while helpers come and go. Descendants that are
 * the root of another counted group are left to that group. */
export function sumProcessTreeTicks(table: Map<number, ProcessStat>, rootPid: number, otherRoots: ReadonlySet<number> = new Set()) {
  const children = new Map<number, number[]>();
  for (const stat of table.values()) {
    const siblings = children.get(stat.ppid);
    if (siblings) siblings.push(stat.pid);
    else children.set(stat.ppid, [stat.pid]);
  }
  let ticks = 0;
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    const stat = table.get(pid);
    if (!stat) continue;
    ticks += stat.cpuTicks;
    pending.push(...(children.get(pid) ?? []).filter((child) => !otherRoots.has(child)));
  }
  return ticks;
}

/** The engine the bench talks to: the dockerd whose data root is the one `docker info` reports
 * (another dockerd may run beside it, such as a test's second engine), with the containerd it
 * started; and a containerd no dockerd started (a system one), if that is what the engine uses. */
export function findEngineRootPids(table: Map<number, ProcessStat>, dockerRootDir: string): number[] {
  const engines = [...table.values()].filter((stat) => stat.comm === "dockerd");
  const dataRootOf = (pid: number) => readDataRootFlag(readFileIfPresent(`/proc/${pid}/cmdline`)?.split("\0") ?? []);
  const engine =
    engines.length === 1
      ? engines[0]
      : (engines.find((stat) => dataRootOf(stat.pid) === dockerRootDir) ?? engines.find((stat) => dataRootOf(stat.pid) === undefined));
  const systemContainerds = [...table.values()].filter((stat) => stat.comm === "containerd" && table.get(stat.ppid)?.comm !== "dockerd");
  return [...(engine ? [engine.pid] : []), ...systemContainerds.map((stat) => stat.pid)];
}

export function readDataRootFlag(args: string[]): string | undefined {
  for (const [index, arg] of args.entries()) {
    const inline = /^--(?:data-root|graph)=(.+)$/.exec(arg);
    if (inline) return inline[1];
    if (["--data-root", "--graph", "-g"].includes(arg)) return args[index + 1];
  }
  return undefined;
}

/** Busy and idle ticks of the whole machine from /proc/stat's first line. Steal (time the
 * hypervisor gave to someone else) is neither; guest time is already inside user time. */
export function parseMachineTicks(procStat: string) {
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0] = procStat.split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  return { busy: user + nice + system + irq + softirq, idle: idle + iowait };
}

export const readMachineTicks = () => parseMachineTicks(readFileSync("/proc/stat", "utf8"));

export function readClockTicksPerSecond() {
  const configured = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
  return Number.isInteger(configured) && configured > 0 ? configured : 100;
}

/** The two parents the bench puts containers under, named as the engine's cgroup driver wants:
 * a path for cgroupfs, a slice for systemd (without dashes: systemd would nest `a-b.slice` in `a.slice`). */
export function benchCgroupParents(driver: CgroupDriver) {
  return driver === "systemd"
    ? { pipeline: "academybenchpipeline.slice", bare: "academybenchbare.slice" }
    : { pipeline: "/academy-bench-pipeline", bare: "/academy-bench-bare" };
}

const usageFileName = (version: CgroupVersion) => (version === "1" ? "cpuacct.usage" : "cpu.stat");

/** The file holding a parent cgroup's CPU usage, its removed children's included (v1 cpuacct charges
 * every ancestor; v2 flushes a child's usage into its parent). Looked for where the driver puts it,
 * then a few levels down /sys/fs/cgroup. */
export function findCgroupUsageFile(parent: string, version: CgroupVersion, root = CGROUP_ROOT): string | undefined {
  const relative = parent.replace(/^\/+/, "");
  const fileName = usageFileName(version);
  const expected =
    version === "1"
      ? ["cpuacct", "cpu,cpuacct", "cpuacct,cpu"].map((hierarchy) => path.join(root, hierarchy, relative, fileName))
      : [path.join(root, relative, fileName)];
  return expected.find((file) => existsSync(file)) ?? searchDirectory(root, path.basename(relative), fileName, 4);
}

function searchDirectory(dir: string, name: string, fileName: string, depth: number): string | undefined {
  if (depth === 0) return undefined;
  const subdirs = readdirSafely(dir).filter((entry) => entry.isDirectory());
  const match = subdirs.find((entry) => entry.name === name && existsSync(path.join(dir, entry.name, fileName)));
  if (match) return path.join(dir, match.name, fileName);
  for (const entry of subdirs) {
    const found = searchDirectory(path.join(dir, entry.name), name, fileName, depth - 1);
    if (found) return found;
  }
  return undefined;
}

/** `usage_usec` of a cgroup v2 cpu.stat. */
export function parseCpuStatUsageUsec(text: string) {
  const line = text.split("\n").find((candidate) => candidate.startsWith("usage_usec "));
  if (!line) throw new Error("cpu.stat has no usage_usec line");
  return Number(line.split(/\s+/)[1]);
}

export function readCgroupUsageMs(file: string) {
  const text = readFileSync(file, "utf8");
  return file.endsWith("cpu.stat") ? parseCpuStatUsageUsec(text) / 1000 : Number(text.trim()) / 1e6;
}

/** Best effort, once the containers are gone: every directory of that name the parent left, in
 * each v1 hierarchy or the v2 tree (a systemd slice is stopped too). */
export function removeCgroupParent(parent: string, driver: CgroupDriver, root = CGROUP_ROOT) {
  const relative = parent.replace(/^\/+/, "");
  if (driver === "systemd") {
    try {
      execFileSync("systemctl", ["stop", relative], { stdio: "ignore" });
    } catch {
      // No systemctl, or the slice is gone already: the rmdir below is all there is to do.
    }
  }
  const hierarchies = readdirSafely(root).filter((entry) => entry.isDirectory()).map((entry) => path.join(root, entry.name));
  for (const dir of [path.join(root, relative), ...hierarchies.map((hierarchy) => path.join(hierarchy, relative))]) {
    try {
      rmdirSync(dir);
    } catch {
      // Not there in this hierarchy, or still busy: nothing to clean.
    }
  }
}

/** CPU used, in milliseconds, by each part of the machine. `containers` is undefined when no
 * cgroup counter could be read. */
export type CpuUsage = {
  containers: number | undefined;
  engine: number;
  grader: number;
  postgres: number;
  bench: number;
  machine: number;
};

export type CpuMeter = { read(): CpuUsage; unavailableReason: string | undefined };

/** Reads the counters of the parts a grading touches, each as a running total; a window's usage is
 * the difference of two reads. */
export function createCpuMeter(options: {
  cgroupVersion: CgroupVersion | undefined;
  cgroupParents: string[];
  dockerRootDir: string;
  graderPid: number;
  postmasterPid: number;
}): CpuMeter {
  const tickMs = 1000 / readClockTicksPerSecond();
  let unavailableReason: string | undefined;
  let usageFiles: string[] = [];
  if (!options.cgroupVersion) unavailableReason = "the engine reports no cgroup driver or version";
  else {
    const version = options.cgroupVersion;
    const found = options.cgroupParents.map((parent) => ({ parent, file: findCgroupUsageFile(parent, version) }));
    const missing = found.filter((entry) => !entry.file).map((entry) => entry.parent);
    if (missing.length > 0) unavailableReason = `no ${usageFileName(version)} for ${missing.join(", ")} under ${CGROUP_ROOT} (cgroup v${version})`;
    else usageFiles = found.map((entry) => entry.file!);
  }
  return {
    unavailableReason,
    read: () => {
      const table = readProcessTable();
      const engineRoots = findEngineRootPids(table, options.dockerRootDir);
      const roots = new Set([...engineRoots, options.graderPid, options.postmasterPid]);
      const treeMs = (pid: number) => sumProcessTreeTicks(table, pid, roots) * tickMs;
      const { user, system } = process.cpuUsage();
      return {
        containers: unavailableReason ? undefined : usageFiles.reduce((sum, file) => sum + readCgroupUsageMs(file), 0),
        engine: engineRoots.reduce((sum, pid) => sum + treeMs(pid), 0),
        grader: treeMs(options.graderPid),
        postgres: treeMs(options.postmasterPid),
        bench: (user + system) / 1000,
        machine: readMachineTicks().busy * tickMs,
      };
    },
  };
}

export const zeroCpuUsage = (): CpuUsage => ({ containers: 0, engine: 0, grader: 0, postgres: 0, bench: 0, machine: 0 });

/** `total + (after - before)`, part by part. */
export function addCpuWindow(total: CpuUsage, before: CpuUsage, after: CpuUsage): CpuUsage {
  const add = (key: keyof CpuUsage) => {
    const [sum, start, end] = [total[key], before[key], after[key]];
    return sum === undefined || start === undefined || end === undefined ? undefined : sum + end - start;
  };
  return {
    containers: add("containers"),
    engine: add("engine")!,
    grader: add("grader")!,
    postgres: add("postgres")!,
    bench: add("bench")!,
    machine: add("machine")!,
  };
}

const ROWS = [
  { key: "containers", label: "in the containers (cgroup)", short: "in the containers" },
  { key: "engine", label: "Docker engine (dockerd, containerd)", short: "Docker engine" },
  { key: "grader", label: "grader service", short: "grader service" },
  { key: "postgres", label: "Postgres", short: "Postgres" },
  { key: "bench", label: "benchmark process (API side)", short: "benchmark process" },
  { key: "other", label: "other (runc, shims, kernel, rest of host)", short: "other" },
  { key: "machine", label: "machine total", short: "machine total" },
] as const;

type RowKey = (typeof ROWS)[number]["key"];

/** Per grading, each part and "other": the machine's busy time the named parts do not explain. */
export function perGrading(usage: CpuUsage, gradings: number): Record<RowKey, number | undefined> {
  const named = (usage.containers ?? 0) + usage.engine + usage.grader + usage.postgres + usage.bench;
  const each = (value: number | undefined) => (value === undefined ? undefined : value / gradings);
  return {
    containers: each(usage.containers),
    engine: each(usage.engine),
    grader: each(usage.grader),
    postgres: each(usage.postgres),
    bench: each(usage.bench),
    other: each(usage.machine - named),
    machine: each(usage.machine),
  };
}

const formatMs = (value: number | undefined, signed = false) =>
  value === undefined ? "n/a" : `${signed && Math.round(value) > 0 ? "+" : ""}${Math.round(value)} ms`;

/** A table of CPU per grading (pipeline, bare run, difference) and the sentence naming the parts
 * that carry most of the difference. */
export function formatCpuComparison(options: { phase: string; pipeline: CpuUsage; bare: CpuUsage; gradings: number }): string[] {
  const pipeline = perGrading(options.pipeline, options.gradings);
  const bare = perGrading(options.bare, options.gradings);
  const difference = (key: RowKey) => {
    const [a, b] = [pipeline[key], bare[key]];
    return a === undefined || b === undefined ? undefined : a - b;
  };
  const labelWidth = Math.max(...ROWS.map((row) => row.label.length)) + 2;
  const line = (label: string, cells: string[]) => `  ${label.padEnd(labelWidth)}${cells.map((cell) => cell.padStart(11)).join("")}`;
  const lines = [
    `CPU per grading, ${options.phase} (${options.gradings} of each):`,
    line("", ["pipeline", "bare run", "difference"]),
    ...ROWS.map((row) => line(row.label, [formatMs(pipeline[row.key]), formatMs(bare[row.key]), formatMs(difference(row.key), true)])),
  ];
  const total = difference("machine")!;
  const parts = ROWS.filter((row) => row.key !== "machine" && difference(row.key) !== undefined)
    .map((row) => ({ name: row.short, value: difference(row.key)! }))
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
  const spread = parts.reduce((sum, part) => sum + Math.abs(part.value), 0);
  const carrying: typeof parts = [];
  for (const part of parts) {
    if (carrying.length === 3 || carrying.reduce((sum, kept) => sum + Math.abs(kept.value), 0) >= 0.8 * spread) break;
    carrying.push(part);
  }
  const direction = total >= 0 ? "more" : "less";
  const where = carrying.map((part) => `${part.name} ${formatMs(part.value, true)}`).join(", ");
  lines.push(`the pipeline costs ${Math.abs(Math.round(total))} ms ${direction} CPU per grading than a bare run (${options.phase})${where ? `: ${where}` : ""}`);
  return lines;
}

function readFileIfPresent(file: string) {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if (isGoneError(error)) return undefined;
    throw error;
  }
}

function readdirSafely(dir: string) {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (isGoneError(error) || (error as NodeJS.ErrnoException).code === "EACCES") return [];
    throw error;
  }
}

/** A process that ended (ESRCH), or a file or cgroup that is not there. */
const isGoneError = (error: unknown) => ["ENOENT", "ESRCH"].includes((error as NodeJS.ErrnoException).code ?? "");
