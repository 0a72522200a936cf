import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Where the status goes: a terminal gets one line rewritten in place, anything else a line per phase. */
type StatusStream = { isTTY?: boolean; columns?: number; write: (text: string) => unknown };

export type BuildStatus = { phase: string; detail: string };

// "I: Retrieving bash 5.2.37-2" and "I: Unpacking bash...", never "I: Unpacking the base system...".
const PACKAGE_STEP = /^I: (?:(Retrieving) (\S+) \S+|(Extracting|Unpacking|Configuring) (\S+)\.\.\.)$/;

const PHASES: Record<string, string> = {
  Retrieving: "downloading Debian packages",
  Extracting: "extracting the core packages",
  Unpacking: "unpacking packages",
  Configuring: "configuring packages",
};

/**
 * Follows the image builder's output (debootstrap's hundreds of lines, then `docker import`
 * and `docker build`) as one status: what it is doing, and how far it is.
 */
export function createBuildProgress() {
  let packageCount = 0;
  const counts = new Map<string, number>();
  let current: BuildStatus | null = null;

  /** The status after this line, or null when the line changes nothing worth showing. */
  return function readLine(line: string): BuildStatus | null {
    const step = PACKAGE_STEP.exec(line);
    if (step) {
      const verb = (step[1] ?? step[3])!;
      const name = (step[2] ?? step[4])!;
      const done = (counts.get(verb) ?? 0) + 1;
      counts.set(verb, done);
      if (verb === "Retrieving") packageCount = done;
      // Every package is downloaded first, so later steps know how many there are in all.
      const detail = verb === "Retrieving" || verb === "Extracting" ? `${done}: ${name}` : `${Math.min(done, packageCount)} of ${packageCount}: ${name}`;
      current = { phase: PHASES[verb]!, detail };
    } else if (line.startsWith("build-offline: debootstrap")) {
      current = { phase: "preparing a Debian root filesystem (debootstrap)", detail: "" };
    } else if (line === "I: Base system installed successfully.") {
      current = { phase: "importing the root filesystem into Docker", detail: "" };
    } else if (line.startsWith("build-offline: building") || /^Step \d+\/\d+ :/.test(line)) {
      current = { phase: "building the final image", detail: line.startsWith("Step") ? line.slice(0, 60) : "" };
    } else {
      return null;
    }
    return current;
  };
}

const FAILURE_TAIL_LINES = 25;

/** The builder's output goes to a log file; the terminal gets one line that says how far it is. */
export function createBuildReporter({ out, logFile, startedAt }: { out: StatusStream; logFile: string; startedAt: number }) {
  const readLine = createBuildProgress();
  let isStarted = false;
  const shownPhases = new Set<string>();
  const elapsed = () => `${Math.round((performance.now() - startedAt) / 1000)} s`;
  const clearStatus = () => {
    if (out.isTTY) out.write("\r\x1b[K");
  };
  return {
    log(line: string) {
      if (!isStarted) {
        isStarted = true;
        mkdirSync(path.dirname(logFile), { recursive: true });
        writeFileSync(logFile, "");
        out.write(`grader image: building it (the first time takes a few minutes); full log in ${logFile}\n`);
      }
      appendFileSync(logFile, `${line}\n`);
      const status = readLine(line);
      if (!status) return;
      if (out.isTTY) {
        const text = `  ${status.phase}${status.detail ? ` · ${status.detail}` : ""} · ${elapsed()}`;
        out.write(`\r\x1b[K${text.slice(0, (out.columns || 80) - 1)}`);
      } else if (!shownPhases.has(status.phase)) {
        // debootstrap unpacks and configures twice (required packages, then the rest): say it once.
        shownPhases.add(status.phase);
        out.write(`  ${status.phase} (${elapsed()})\n`);
      }
    },
    finish: clearStatus,
    fail() {
      clearStatus();
      if (!isStarted) return;
      const tail = readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-FAILURE_TAIL_LINES);
      out.write(`${tail.join("\n")}\nthe build failed; full log in ${logFile}\n`);
    },
  };
}
