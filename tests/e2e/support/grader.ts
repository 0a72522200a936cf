import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";

import { expect } from "@playwright/test";

import { e2eStack } from "./stack";

const graderDir = path.resolve(import.meta.dirname, "../../../apps/grader");
let pausedPids: number[] = [];

/** The grader processes of the browser tests' stack: run from apps/grader, with the e2e data folder. */
function findGraderPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/cwd`) !== graderDir) continue;
      const environment = readFileSync(`/proc/${entry}/environ`, "utf8").split("\0");
      if (environment.includes(`DATA_DIR=${e2eStack.dataDir}`)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked, or is not ours to read: not the grader we want.
    }
  }
  return pids;
}

const stateOf = (pid: number) => readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /s, "")[0];

/**
 * Stops the stack's grader (SIGSTOP), so every grading asked for from now on stays pending
 * for as long as a test needs, however fast the machine. `resumeGrader` lets it go on.
 */
export async function pauseGrader() {
  const pids = findGraderPids();
  expect(pids, "the browser tests' stack runs a grader").not.toHaveLength(0);
  for (const pid of pids) process.kill(pid, "SIGSTOP");
  pausedPids = pids;
  await expect.poll(() => pids.every((pid) => stateOf(pid) === "T")).toBe(true);
}

/** Lets a paused grader go on; harmless when none is paused. */
export function resumeGrader() {
  for (const pid of pausedPids.splice(0)) {
    try {
      process.kill(pid, "SIGCONT");
    } catch {
      // It ended meanwhile (the stack stopped): nothing to resume.
    }
  }
}

// A stopped grader would hold the stack's shutdown (it waits for its children) after a failed test.
process.once("exit", resumeGrader);
