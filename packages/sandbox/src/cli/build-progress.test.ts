import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { createBuildProgress, createBuildReporter } from "./build-progress";

function captureStream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, columns: 60, write: (text: string) => written.push(text) } };
}

const tempLogFile = () => path.join(mkdtempSync(path.join(tmpdir(), "build-progress-")), "logs", "build.log");

// Lines as the offline builder prints them (debootstrap, docker import, docker build), shortened.
const OUTPUT = `build-offline: debootstrap trixie into /var/tmp/academy-grader-rootfs.hvekX1
I: Retrieving InRelease 
I: Checking Release signature
I: Retrieving Packages 
I: Resolving dependencies of required packages...
I: Retrieving apt 3.0.4
I: Validating apt 3.0.4
I: Retrieving bash 5.2.37-2+b10
I: Validating bash 5.2.37-2+b10
I: Retrieving python3-fastapi 0.115.0-1
I: Validating python3-fastapi 0.115.0-1
I: Chosen extractor for .deb packages: dpkg-deb
I: Extracting bash...
I: Installing core packages...
I: Unpacking required packages...
I: Unpacking apt...
I: Configuring required packages...
I: Configuring apt...
I: Unpacking the base system...
I: Unpacking python3-fastapi...
I: Configuring the base system...
I: Configuring python3-fastapi...
I: Base system installed successfully.
sha256:68c114bff80b418392b3d56b27a412313fa864d2e8ae5941ef2b1a295ffd918b
build-offline: building academy-grader:58aa7c7e2f20 from academy-grader-base:0100bd71fa5e
DEPRECATED: The legacy builder is deprecated and will be removed in a future release.`.split("\n");

describe("createBuildProgress", () => {
  it("turns the builder's output into a few phases with a count of packages", () => {
    const readLine = createBuildProgress();
    const statuses = OUTPUT.map(readLine);
    const shown = statuses.filter((status) => status !== null);
    expect([...new Set(shown.map((status) => status.phase))]).toEqual([
      "preparing a Debian root filesystem (debootstrap)",
      "downloading Debian packages",
      "extracting the core packages",
      "unpacking packages",
      "configuring packages",
      "importing the root filesystem into Docker",
      "building the final image",
    ]);
    expect(shown.map((status) => status.detail)).toEqual([
      "",
      "1: apt",
      "2: bash",
      "3: python3-fastapi",
      "1: bash",
      "1 of 3: apt",
      "1 of 3: apt",
      "2 of 3: python3-fastapi",
      "2 of 3: python3-fastapi",
      "",
      "",
    ]);
  });

  it("leaves the other lines (signatures, headings, warnings) to the log", () => {
    const readLine = createBuildProgress();
    for (const line of ["I: Retrieving InRelease ", "I: Validating Packages ", "I: Unpacking the base system...", "DEPRECATED: The legacy builder"]) {
      expect(readLine(line)).toBeNull();
    }
  });
});

describe("createBuildReporter", () => {
  it("keeps every line in the log file and prints its path and a line per phase", () => {
    const { written, stream } = captureStream(false);
    const logFile = tempLogFile();
    const reporter = createBuildReporter({ out: stream, logFile, startedAt: performance.now() });
    OUTPUT.forEach(reporter.log);
    reporter.finish();
    expect(readFileSync(logFile, "utf8")).toBe(`${OUTPUT.join("\n")}\n`);
    expect(written[0]).toContain(`full log in ${logFile}`);
    expect(written).toHaveLength(1 + 7);
    expect(written.slice(1).every((line) => /^ {2}[a-z].* \(\d+ s\)\n$/.test(line))).toBe(true);
  });

  it("on a terminal rewrites one status line that fits its width, and clears it at the end", () => {
    const { written, stream } = captureStream(true);
    const reporter = createBuildReporter({ out: stream, logFile: tempLogFile(), startedAt: performance.now() });
    OUTPUT.forEach(reporter.log);
    reporter.finish();
    const statuses = written.slice(1);
    expect(statuses.every((text) => text.startsWith("\r\x1b[K") && !text.includes("\n"))).toBe(true);
    expect(Math.max(...statuses.map((text) => text.length - 4))).toBeLessThan(60);
    expect(statuses).toContainEqual(expect.stringContaining("configuring packages · 2 of 3: python3-fastapi"));
    expect(statuses.at(-1)).toBe("\r\x1b[K");
  });

  it("on failure prints the end of the log and where the rest is", () => {
    const { written, stream } = captureStream(false);
    const logFile = tempLogFile();
    const reporter = createBuildReporter({ out: stream, logFile, startedAt: performance.now() });
    [...OUTPUT, "E: Couldn't download packages: python3-fastapi"].forEach(reporter.log);
    reporter.fail();
    const report = written.at(-1)!;
    expect(report).toContain("E: Couldn't download packages: python3-fastapi");
    expect(report.split("\n")).toHaveLength(25 + 2);
    expect(report).toContain(`the build failed; full log in ${logFile}`);
  });
});
