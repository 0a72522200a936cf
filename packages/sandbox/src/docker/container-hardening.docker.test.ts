import { describe, expect, it } from "vitest";

import { createDockerClient } from "./client";
import { gradeSubmission } from "../grade-submission";
import { exerciseDir, fixtureFiles } from "../testing/fixtures";

// A submission that reports, from inside, what the learner's process can see and do.
describe("the learner's process, seen from inside the container", () => {
  it("runs unprivileged, capability-less, under seccomp, in its own 0700 scratch folder, with every limit applied", async () => {
    const report = await gradeSubmission({
      exerciseDir: exerciseDir("hello-process"),
      files: await fixtureFiles("probes/hardening"),
      docker: createDockerClient(),
    });
    const probe = Object.fromEntries(
      report.output
        .split("\n")
        .filter((line) => line.startsWith("PROBE "))
        .map((line) => {
          const [, key = "", ...rest] = line.split(" ");
          return key === "stat" || key === "mount" ? [`${key} ${rest[0]}`, rest.slice(1).join(" ")] : [key, rest.join(" ")];
        }),
    );
    const uid = Number(/^(\d+)/.exec(probe.uid ?? "")?.[1]);
    expect(uid).toBeGreaterThanOrEqual(20_000);
    expect(probe.uid).toBe(`${uid} ${uid} gid ${uid} groups []`);
    expect(probe.CapEff).toMatch(/^0{16} CapPrm 0{16}/);
    expect(probe.NoNewPrivs).toBe("1");
    expect(probe.Seccomp).toMatch(/^2 filters [1-9]/); // mode 2: a seccomp filter (the grading profile) confines it
    expect(probe.cwd).toBe("/scratch/app");
    expect(probe["stat /grader"]).toBe("0 0o755");
    expect(probe["stat /grader/tests"]).toBe("10002 0o700");
    expect(probe["stat /grader/submission"]).toBe("0 0o755");
    expect(probe["stat /grader/submission/main.py"]).toBe("0 0o644");
    expect(probe["stat /scratch/app"]).toBe(`${uid} 0o700`);
    expect(probe["stat /scratch/tests"]).toBe("10002 0o700");
    expect(probe.RLIMIT_NPROC).toBe("(96, 96)");
    expect(probe.RLIMIT_NOFILE).toBe("(512, 512)");
    expect(probe.RLIMIT_CORE).toBe("(0, 0)");
    expect(probe.oom_score_adj).toBe("1000");
    expect(probe["mount /"]).toMatch(/^overlay ro,/);
    expect(probe["mount /scratch/app"]).toMatch(/^tmpfs rw,nosuid,nodev,noexec,.*size=65536k,mode=700/);
    // The job's folders: written by the supervisor as their owners, on the read-only root's /grader.
    expect(probe["mount /grader"]).toBeUndefined();
    expect(probe["mount /grader/tests"]).toMatch(/^tmpfs rw,nosuid,nodev,noexec,.*mode=700,uid=10002,gid=10002/);
    expect(probe["mount /grader/submission"]).toMatch(/^tmpfs rw,nosuid,nodev,noexec,.*mode=755/);
    expect(probe.interfaces).toBe("['lo']");
  });
});
