// pnpm bench:pages: requests per second and p99 latency of the main pages, signed in as a demo
// learner, 20 connections for 10 s each. Starts its own stack on the built web app (run
// `pnpm turbo run build --filter=@academy/web` first), or measures BENCH_URL when it is set.
import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { mkdirSync, openSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import autocannon from "autocannon";

import { repoRoot } from "../stack/config";

const PAGES = ["/", "/learn", "/learn/5.4", "/learn/5.4/quiz", "/exercises", "/exercises/basic-greeting-api", "/dashboard"];
const CONNECTIONS = 20;
const SECONDS = 10;
const PORT = 3300;
// Linux's USER_HZ, the unit of /proc/<pid>/stat times.
const CLOCK_TICKS_PER_SECOND = 100;
const dataDir = path.join(repoRoot, ".data/bench-pages");
// A demo account the stack seeds (SEED_DEMO).
const LEARNER = { email: "ada@academy.test", password: "learner-pass-1" };

async function waitForServer(url: string, stack: ChildProcess) {
  for (let waited = 0; waited < 240_000; waited += 1000) {
    if (stack.exitCode !== null) throw new Error(`the stack exited with code ${stack.exitCode} (see ${path.join(dataDir, "stack.log")})`);
    const isUp = await fetch(url).then((response) => response.ok, () => false);
    if (isUp) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`${url} did not answer within 4 minutes (see ${path.join(dataDir, "stack.log")})`);
}

function startStack() {
  mkdirSync(dataDir, { recursive: true });
  const log = openSync(path.join(dataDir, "stack.log"), "w");
  const stack = spawn("pnpm", ["dev:stack"], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      PORT: String(PORT),
      EMBEDDED_PG_PORT: "54359",
      DATA_DIR: dataDir,
      SEED_DEMO: "true",
      GRADER_METRICS_PORT: "0",
    },
  });
  return stack;
}

/** CPU time (ms) spent so far by the stack's processes (web app, database, grader), from /proc:
 * unlike requests per second, it does not depend on what else the machine is running. */
function readStackCpuMs(processGroup: number) {
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // the process ended meanwhile
    }
    // After the command name: state, ppid, pgrp, ..., utime (12th), stime (13th), in clock ticks.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === processGroup) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * (1000 / CLOCK_TICKS_PER_SECOND);
}

/** The session cookie of the demo learner. */
async function signIn(baseUrl: string) {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify(LEARNER),
  });
  if (!response.ok) throw new Error(`signing in as ${LEARNER.email} failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

async function measure(url: string, cookie: string, stackGroup: number | undefined) {
  // One request first: a page that redirects (to sign-in) or fails would measure the wrong thing.
  const check = await fetch(url, { headers: { cookie }, redirect: "manual" });
  if (check.status !== 200) throw new Error(`${url} answered ${check.status}, not 200`);
  const cpuBefore = stackGroup ? readStackCpuMs(stackGroup) : 0;
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers: { cookie } });
  const cpuMsPerRequest = stackGroup ? (readStackCpuMs(stackGroup) - cpuBefore) / Math.max(1, result.requests.total) : null;
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} answers were not 2xx`);
  // Errors are requests that got no answer within autocannon's 10 s: they count against the page.
  return { requestsPerSecond: result.requests.average, p99: result.latency.p99, errors: result.errors, cpuMsPerRequest };
}

async function main() {
  const stack = process.env.BENCH_URL ? null : startStack();
  const baseUrl = process.env.BENCH_URL ?? `http://localhost:${PORT}`;
  try {
    if (stack) await waitForServer(baseUrl, stack);
    const cookie = await signIn(baseUrl);
    const results = [];
    for (const page of PAGES) {
      const result = await measure(`${baseUrl}${page}`, cookie, stack?.pid);
      const cpu = result.cpuMsPerRequest === null ? "" : `  ${result.cpuMsPerRequest.toFixed(1)} ms CPU/request`;
      const errors = result.errors > 0 ? `  (${result.errors} without an answer)` : "";
      console.log(`${page.padEnd(32)} ${result.requestsPerSecond.toFixed(1).padStart(7)} req/s  p99 ${result.p99} ms${cpu}${errors}`);
      results.push(result);
    }
    const minRate = Math.min(...results.map((result) => result.requestsPerSecond));
    const maxP99 = Math.max(...results.map((result) => result.p99));
    console.log(`pages min ${minRate.toFixed(1)} req/s, max p99 ${maxP99} ms`);
  } finally {
    // The stack's own SIGTERM handler stops the web app, the grader and the embedded database.
    if (stack?.pid && stack.exitCode === null) {
      const exited = new Promise((resolve) => stack.once("exit", resolve));
      process.kill(-stack.pid, "SIGTERM");
      await exited;
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
