// pnpm bench:grader: the full grading pipeline (queue → worker → container → stored result)
// against a bare hardened `docker run … python3 -m pytest` of the same files, in one run, with the
// CPU each costs per grading and where the difference goes (./cpu-accounting.ts).
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { createDb, runMigrations } from "@academy/db";
import { startEmbeddedPostgres } from "@academy/db/embedded";
import { seedUser } from "@academy/db/testing";
import { createDockerClient, ensureGraderImage } from "@academy/sandbox";
import { createGradingPorts, createSubmission, syncExercises } from "@academy/services";
import { isFinalStatus } from "@academy/submission-lifecycle";

import { repoRoot } from "../stack/config";
import {
  addCpuWindow,
  benchCgroupParents,
  type CgroupDriver,
  type CgroupVersion,
  type CpuMeter,
  type CpuUsage,
  createCpuMeter,
  formatCpuComparison,
  readMachineTicks,
  removeCgroupParent,
  zeroCpuUsage,
} from "./cpu-accounting";

const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 30);
const BURST = Number(process.env.BENCH_BURST ?? 60);
// The grader's default concurrency (GRADER_CONCURRENCY): one grading per core.
const WORKERS = Number(process.env.GRADER_CONCURRENCY ?? os.availableParallelism());
const fixturesDir = path.join(import.meta.dirname, "fixtures");
const exerciseDir = path.join(fixturesDir, "bench-ten-tests");

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (value: number) => `${Math.round(value)} ms`;
const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

/** Each timed run starts on a quiet machine: no refill or removal of the run before is still using
 * the CPU, for the pipeline and the baseline alike (at most 10 s of waiting). A CPU window ends
 * after one too, so it holds the pool's refill and the container's removal. */
async function waitForQuietMachine(): Promise<boolean> {
  for (let waited = 0; waited < 10_000; waited += 250) {
    const before = readMachineTicks();
    await sleep(250);
    const after = readMachineTicks();
    const busy = after.busy - before.busy;
    if (busy / (busy + after.idle - before.idle || 1) < 0.1) return true;
  }
  return false;
}

type DockerClient = ReturnType<typeof createDockerClient>;

async function runBareContainer(docker: DockerClient, image: string, workDir: string, cgroupParent: string | undefined) {
  const started = performance.now();
  const container = await docker.createContainer({
    Image: image,
    Cmd: ["python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "/work/tests"],
    WorkingDir: "/work",
    User: "65534:65534",
    Env: ["PYTHONPATH=/work", "PYTHONDONTWRITEBYTECODE=1", "HOME=/tmp"],
    NetworkDisabled: true,
    HostConfig: {
      NetworkMode: "none",
      ReadonlyRootfs: true,
      Tmpfs: { "/tmp": "rw,size=64m" },
      Binds: [`${workDir}:/work:ro`],
      Memory: 256 * 1024 * 1024,
      MemorySwap: 256 * 1024 * 1024,
      NanoCpus: 1_000_000_000,
      PidsLimit: 256,
      CapDrop: ["ALL"],
      SecurityOpt: ["no-new-privileges"],
      ...(cgroupParent ? { CgroupParent: cgroupParent } : {}),
    },
  });
  try {
    await container.start();
    const result = (await container.wait()) as { StatusCode: number };
    if (result.StatusCode !== 0) throw new Error(`baseline pytest exited ${result.StatusCode}`);
  } finally {
    await container.remove({ force: true });
  }
  return performance.now() - started;
}

function prepareBaselineDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-baseline-"));
  chmodSync(dir, 0o755);
  cpSync(path.join(exerciseDir, "solution/main.py"), path.join(dir, "main.py"));
  cpSync(path.join(exerciseDir, "tests/visible"), path.join(dir, "tests"), { recursive: true });
  cpSync(path.join(exerciseDir, "tests/hidden"), path.join(dir, "tests"), { recursive: true });
  writeFileSync(
    path.join(dir, "tests/conftest.py"),
    "import pytest\nfrom fastapi.testclient import TestClient\nfrom main import app\n\n@pytest.fixture\ndef client():\n    with TestClient(app, raise_server_exceptions=False) as c:\n        yield c\n",
  );
  return dir;
}

/** The engine's cgroup driver and version decide the parents' names and where their counters are. */
async function readEngineCgroupSetup(docker: DockerClient) {
  const info = (await docker.info()) as { CgroupDriver?: string; CgroupVersion?: string; DockerRootDir?: string };
  const driver: CgroupDriver | undefined = info.CgroupDriver === "cgroupfs" || info.CgroupDriver === "systemd" ? info.CgroupDriver : undefined;
  const version: CgroupVersion | undefined = info.CgroupVersion === "1" || info.CgroupVersion === "2" ? info.CgroupVersion : undefined;
  return { driver, version, parents: driver ? benchCgroupParents(driver) : undefined, dockerRootDir: info.DockerRootDir ?? "/var/lib/docker" };
}

/** CPU windows: each from a quiet machine, through the work, to a quiet machine again (so it holds
 * the refill and removals the work caused). Counts the windows the machine never went quiet after:
 * their "other" and "machine total" hold whatever else the host ran meanwhile. */
function createCpuWindows(meter: CpuMeter) {
  const counts = { ended: 0, endedBusy: 0 };
  const measure = async <T>(total: CpuUsage, work: () => Promise<T>): Promise<{ result: T; total: CpuUsage }> => {
    const before = meter.read();
    const result = await work();
    const isQuiet = await waitForQuietMachine();
    counts.ended += 1;
    if (!isQuiet) counts.endedBusy += 1;
    return { result, total: addCpuWindow(total, before, meter.read()) };
  };
  return { measure, counts };
}

async function main() {
  const docker = createDockerClient();
  const image = await ensureGraderImage({ docker });
  const cgroup = await readEngineCgroupSetup(docker);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "bench-pg-"));
  chmodSync(dataDir, 0o755);
  const pgDataDir = path.join(dataDir, "data");
  const pg = await startEmbeddedPostgres({ dataDir: pgDataDir, port: 54391, isPersistent: false });
  await pg.createDatabase("bench");
  const url = pg.connectionStringFor("bench");
  const { db, pool } = createDb(url);
  await runMigrations(db);
  await syncExercises(db, fixturesDir);
  const grading = await createGradingPorts({ databaseUrl: url, exercisesDir: fixturesDir, limits: { maxPerMinute: 1000 } });
  const { ports } = grading;
  const { statusListener } = ports;
  const grader = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: path.join(repoRoot, "apps/grader"),
    env: {
      ...process.env,
      DATABASE_URL: url,
      EXERCISES_DIR: fixturesDir,
      GRADER_METRICS_PORT: "0",
      GRADER_CGROUP_PARENT: cgroup.parents?.pipeline ?? "",
      LOG_LEVEL: "warn",
    },
    stdio: "inherit",
  });
  const solution = readFileSync(path.join(exerciseDir, "solution/main.py"), "utf8");

  const gradeOnce = async (userId: string) => {
    const events = statusListener.watch();
    const started = performance.now();
    const submission = await createSubmission(db, ports, { userId, exerciseId: "bench-ten-tests", mode: "submit", files: [{ name: "main.py", content: solution }] });
    for (;;) {
      const event = await events.next();
      if (event.done) throw new Error("listener closed");
      if (event.value.kind === "status" && event.value.submissionId === submission.id && isFinalStatus(event.value.status)) {
        if (event.value.status !== "passed") throw new Error(`benchmark submission ${event.value.status}`);
        return performance.now() - started;
      }
    }
  };
  const baselineDir = prepareBaselineDir();
  const runBare = () => runBareContainer(docker, image, baselineDir, cgroup.parents?.bare);

  try {
    const user = await seedUser(db);
    // The first grading and bare run also make the parent cgroups whose counters are read.
    await gradeOnce(user.id);
    await runBare();
    if (grader.pid === undefined) throw new Error("the grader service did not start");
    const meter = createCpuMeter({
      cgroupVersion: cgroup.parents ? cgroup.version : undefined,
      cgroupParents: cgroup.parents ? [cgroup.parents.pipeline, cgroup.parents.bare] : [],
      dockerRootDir: cgroup.dockerRootDir,
      graderPid: grader.pid,
      postmasterPid: Number(readFileSync(path.join(pgDataDir, "postmaster.pid"), "utf8").split("\n")[0]),
    });
    const cpuWindows = createCpuWindows(meter);

    const pipeline: number[] = [];
    const baseline: number[] = [];
    let sequentialPipelineCpu = zeroCpuUsage();
    let sequentialBareCpu = zeroCpuUsage();
    await waitForQuietMachine();
    for (let i = 0; i < SEQUENTIAL; i++) {
      const graded = await cpuWindows.measure(sequentialPipelineCpu, () => gradeOnce(user.id));
      pipeline.push(graded.result);
      sequentialPipelineCpu = graded.total;
      const ran = await cpuWindows.measure(sequentialBareCpu, runBare);
      baseline.push(ran.result);
      sequentialBareCpu = ran.total;
    }

    // The same number of bare runs, as many at once as the grader has workers: what one fresh
    // container per submission costs this machine, with nothing of the product around it.
    await waitForQuietMachine();
    const bareBurst = await cpuWindows.measure(zeroCpuUsage(), async () => {
      const started = performance.now();
      let bareLeft = BURST;
      await Promise.all(
        Array.from({ length: WORKERS }, async () => {
          while (bareLeft-- > 0) await runBare();
        }),
      );
      return (performance.now() - started) / 1000;
    });
    const bareSeconds = bareBurst.result;

    const users = await Promise.all(Array.from({ length: BURST }, () => seedUser(db)));
    await waitForQuietMachine();
    const pipelineBurst = await cpuWindows.measure(zeroCpuUsage(), async () => {
      const started = performance.now();
      await Promise.all(users.map((u) => gradeOnce(u.id)));
      return (performance.now() - started) / 1000;
    });
    const burstSeconds = pipelineBurst.result;

    const pipelineMedian = percentile(pipeline, 50);
    const baselineMedian = percentile(baseline, 50);
    console.log(`\ngrading benchmark (${os.cpus().length} cores, 10-test exercise)`);
    console.log(`pipeline, enqueue → stored result, ${SEQUENTIAL} one after another: median ${ms(pipelineMedian)}, p95 ${ms(percentile(pipeline, 95))}`);
    console.log(`baseline, bare hardened docker run + pytest, same files:       median ${ms(baselineMedian)}, p95 ${ms(percentile(baseline, 95))}`);
    const perMinute = (BURST / burstSeconds) * 60;
    const barePerMinute = (BURST / bareSeconds) * 60;
    console.log(`throughput: ${BURST} submissions at once graded in ${burstSeconds.toFixed(1)} s = ${perMinute.toFixed(1)} submissions per minute`);
    console.log(`baseline throughput: ${BURST} bare runs, ${WORKERS} at a time, in ${bareSeconds.toFixed(1)} s = ${barePerMinute.toFixed(1)} per minute`);
    console.log("");
    const { ended, endedBusy } = cpuWindows.counts;
    if (endedBusy > 0) console.log(`the machine was still busy 10 s after ${endedBusy} of ${ended} CPU windows: other work on the host is in "other"`);
    if (meter.unavailableReason) console.log(`cgroup accounting unavailable: ${meter.unavailableReason}; "other" holds the containers' CPU`);
    for (const line of formatCpuComparison({ phase: "sequential", pipeline: sequentialPipelineCpu, bare: sequentialBareCpu, gradings: SEQUENTIAL })) console.log(line);
    console.log("");
    for (const line of formatCpuComparison({ phase: "burst", pipeline: pipelineBurst.total, bare: bareBurst.total, gradings: BURST })) console.log(line);
    console.log(`pipeline/bare latency ratio ${(pipelineMedian / baselineMedian).toFixed(2)}, throughput ratio ${(perMinute / barePerMinute).toFixed(2)}`);
  } finally {
    rmSync(baselineDir, { recursive: true, force: true });
    grader.kill("SIGTERM");
    await new Promise((resolve) => grader.once("exit", resolve));
    // The grader removed its spare containers on the way out, so the parents are empty now.
    if (cgroup.driver && cgroup.parents) for (const parent of [cgroup.parents.pipeline, cgroup.parents.bare]) removeCgroupParent(parent, cgroup.driver);
    await grading.close();
    await pool.end();
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench:grader: ${String(error)}`);
    process.exit(1);
  },
);
