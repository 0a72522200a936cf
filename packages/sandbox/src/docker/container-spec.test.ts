import { describe, expect, it } from "vitest";

import { TESTER_UID, type GradingJob } from "../archive/grading-bundle";
import { defaultLimits } from "../config/limits";
import { buildContainerSpec } from "./container-spec";

const job: GradingJob = {
  mode: "process",
  entrypoint: "main.py",
  timeoutMs: 10_000,
  learnerUid: 40000,
  learnerFiles: [],
  visibleTests: [],
  hiddenTests: [],
  appFiles: null,
};

describe("buildContainerSpec", () => {
  const spec = buildContainerSpec({ image: "academy-grader:x", job, limits: defaultLimits, gradingId: "g1", exerciseId: "hello" });
  const host = spec.HostConfig ?? {};

  it("isolates the network, the filesystem and privileges", () => {
    expect(spec.NetworkDisabled).toBe(true);
    expect(host).toMatchObject({
      NetworkMode: "none",
      ReadonlyRootfs: true,
      CapDrop: ["ALL"],
      CapAdd: ["SETUID", "SETGID"],
      SecurityOpt: ["no-new-privileges"],
      Init: true,
      IpcMode: "none",
    });
  });

  it("caps memory (swap included), CPU, pids, files and logs", () => {
    expect(host.Memory).toBe(256 * 1024 * 1024);
    expect(host.MemorySwap).toBe(host.Memory);
    expect(host.NanoCpus).toBe(1e9);
    expect(host.PidsLimit).toBe(256);
    expect(host.Ulimits).toContainEqual({ Name: "core", Soft: 0, Hard: 0 });
    expect(host.LogConfig?.Config).toEqual({ "max-size": "512k", "max-file": "1" });
  });

  it("gives each user its own size-capped 0700 scratch tmpfs and labels the container", () => {
    expect(host.Tmpfs?.["/scratch/app"]).toBe("rw,nosuid,nodev,noexec,size=64m,uid=40000,gid=40000,mode=0700");
    expect(host.Tmpfs?.["/scratch/tests"]).toContain(`uid=${TESTER_UID},`);
    expect(spec.Labels).toEqual({ "academy.grader": "1", "academy.grading-id": "g1", "academy.exercise": "hello" });
    expect(spec.Volumes).toEqual({ "/grader": {} });
  });
});
