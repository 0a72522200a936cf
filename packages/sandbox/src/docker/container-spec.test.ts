import { describe, expect, it } from "vitest";

import { APP_UID, TESTER_UID } from "../archive/grading-bundle";
import { defaultLimits } from "../config/limits";
import { buildContainerSpec, buildScriptContainerSpec } from "./container-spec";

describe("buildContainerSpec", () => {
  const slot = { mode: "process" as const, learnerUid: 40000 };
  const spec = buildContainerSpec({ image: "academy-grader:x", slot, limits: defaultLimits, labels: { "academy.grading-id": "g1" } });
  const host = spec.HostConfig ?? {};

  it("isolates the network, the filesystem and privileges", () => {
    expect(spec.NetworkDisabled).toBe(true);
    expect(host).toMatchObject({
      NetworkMode: "none",
      ReadonlyRootfs: true,
      CapDrop: ["ALL"],
      CapAdd: ["SETUID", "SETGID"],
      Init: true,
      IpcMode: "none",
    });
    expect(host.SecurityOpt?.[0]).toBe("no-new-privileges");
    expect(host.SecurityOpt?.[1]).toMatch(/^seccomp=\{/);
  });

  it("caps memory (swap included), CPU, pids and files, and keeps no log (stdout is the report channel)", () => {
    expect(host.Memory).toBe(256 * 1024 * 1024);
    expect(host.MemorySwap).toBe(host.Memory);
    expect(host.NanoCpus).toBe(1e9);
    expect(host.PidsLimit).toBe(256);
    expect(host.Ulimits).toContainEqual({ Name: "core", Soft: 0, Hard: 0 });
    expect(host.LogConfig).toEqual({ Type: "none", Config: {} });
  });

  it("gives each user its own size-capped 0700 scratch tmpfs and labels the container", () => {
    expect(host.Tmpfs?.["/scratch/app"]).toBe("rw,nosuid,nodev,noexec,size=64m,uid=40000,gid=40000,mode=0700");
    expect(host.Tmpfs?.["/scratch/tests"]).toContain(`uid=${TESTER_UID},`);
    expect(spec.Labels).toEqual({ "academy.grader": "1", "academy.grading-id": "g1" });
    expect(spec.Volumes).toBeUndefined();
  });

  it("mounts the job's folders for their owners: the submission root's and readable, the tests the tester's alone", () => {
    expect(host.Tmpfs?.["/grader/submission"]).toBe("rw,nosuid,nodev,noexec,size=16m,uid=0,gid=0,mode=0755");
    expect(host.Tmpfs?.["/grader/tests"]).toBe(`rw,nosuid,nodev,noexec,size=16m,uid=${TESTER_UID},gid=${TESTER_UID},mode=0700`);
    expect(host.Tmpfs?.["/grader/app"]).toBeUndefined();
    const inProcess = buildContainerSpec({ image: "i", slot: { mode: "in-process", learnerUid: 40000 }, limits: defaultLimits, labels: {} }).HostConfig?.Tmpfs;
    expect(inProcess?.["/grader/tests"]).toContain("uid=40000,");
    const writeTests = buildContainerSpec({ image: "i", slot: { mode: "write-tests", learnerUid: 40000 }, limits: defaultLimits, labels: {} }).HostConfig?.Tmpfs;
    expect(writeTests?.["/grader/tests"]).toBeUndefined();
    expect(writeTests?.["/grader/app"]).toContain(`uid=${APP_UID},`);
  });

  it("puts the container under the configured cgroup parent, and leaves the engine's default otherwise", () => {
    expect(host.CgroupParent).toBeUndefined();
    const parented = buildContainerSpec({ image: "academy-grader:x", slot, limits: defaultLimits, labels: {}, cgroupParent: "/academy-grading" });
    expect(parented.HostConfig?.CgroupParent).toBe("/academy-grading");
  });

  it("tells the supervisor what it is prepared for, and keeps stdin open until the grader's connection closes", () => {
    const plan = JSON.parse(spec.Env?.[0]?.replace(/^ACADEMY_PLAN=/, "") ?? "{}");
    expect(plan).toEqual({ mode: "process", learnerUid: 40000, testerUid: TESTER_UID, appUid: APP_UID, learnerNproc: 96, idleSeconds: 240 });
    expect(spec).toMatchObject({ OpenStdin: true, StdinOnce: true, AttachStdin: true, AttachStdout: true });
  });

  it("gives write-tests scratch folders to the author's app user and the learner's tests", () => {
    const writeTests = buildContainerSpec({ image: "i", slot: { mode: "write-tests", learnerUid: 41000 }, limits: defaultLimits, labels: {} });
    expect(writeTests.HostConfig?.Tmpfs?.["/scratch/app"]).toContain(`uid=${APP_UID},`);
    expect(writeTests.HostConfig?.Tmpfs?.["/scratch/tests"]).toContain("uid=41000,");
  });
});

describe("buildScriptContainerSpec", () => {
  const limits = { ...defaultLimits, memoryMb: 1024, cpus: 2 };
  const spec = buildScriptContainerSpec({ image: "i", cmd: ["python3", "/work/check.py"], uid: 65534, workDir: "/work", scratch: { dir: "/tmp", sizeMb: 256 }, limits });
  const grading = buildContainerSpec({ image: "i", slot: { mode: "process", learnerUid: 40000 }, limits, labels: {} });

  it("runs under the grading containers' hardening, without their two capabilities, with a capped log", () => {
    const { Tmpfs: _scriptTmpfs, LogConfig, ...scriptHost } = spec.HostConfig ?? {};
    const { Tmpfs: _gradingTmpfs, CapAdd, LogConfig: _gradingLog, ...gradingHost } = grading.HostConfig ?? {};
    expect(CapAdd).toEqual(["SETUID", "SETGID"]);
    expect(scriptHost).toEqual(gradingHost);
    expect(LogConfig).toEqual({ Type: "json-file", Config: { "max-size": "512k", "max-file": "1" } });
    expect(scriptHost).toMatchObject({ NetworkMode: "none", ReadonlyRootfs: true, CapDrop: ["ALL"], Memory: 1024 * 1024 * 1024, NanoCpus: 2e9 });
    expect(spec.NetworkDisabled).toBe(true);
  });

  it("runs the command as the given user in its own scratch tmpfs, with no grader label", () => {
    expect(spec).toMatchObject({ Cmd: ["python3", "/work/check.py"], User: "65534:65534", WorkingDir: "/tmp", Volumes: { "/work": {} } });
    expect(spec.Env).toEqual(["HOME=/tmp", "TMPDIR=/tmp"]);
    expect(spec.HostConfig?.Tmpfs).toEqual({ "/tmp": "rw,nosuid,nodev,noexec,size=256m,uid=65534,gid=65534,mode=0700" });
    expect(spec.Labels).toBeUndefined();
  });
});
