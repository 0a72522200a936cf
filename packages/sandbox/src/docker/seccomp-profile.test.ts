import { describe, expect, it } from "vitest";

import profile from "../../seccomp/grading.json" with { type: "json" };
import { defaultLimits } from "../config/limits";
import { buildContainerSpec } from "./container-spec";
import { describeSeccompProblem, listsSeccomp } from "./seccomp-check";
import { GRADING_SECCOMP_PROFILE } from "./seccomp-profile";

type Rule = { names: string[]; action: string; errnoRet?: number; args?: { index: number; value: number; valueTwo?: number; op: string }[] };
const rules: Rule[] = profile.syscalls;
const allowed = (name: string) => rules.filter((rule) => rule.names.includes(name) && rule.action === "SCMP_ACT_ALLOW");

// What issue 10 takes away from Docker's default profile, and what the default already refuses without CAP_SYS_ADMIN.
const REFUSED = [
  "unshare", "setns", "keyctl", "add_key", "request_key", "io_uring_setup", "io_uring_enter", "io_uring_register",
  "bpf", "perf_event_open", "ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "pidfd_getfd", "userfaultfd",
  "mount", "umount", "umount2", "pivot_root", "chroot", "fsopen", "fsconfig", "fsmount", "fspick", "move_mount", "open_tree",
  "mount_setattr", "name_to_handle_at", "open_by_handle_at", "init_module", "finit_module", "delete_module", "kexec_load",
  "reboot", "swapon", "swapoff", "acct", "syslog", "sethostname", "setdomainname", "settimeofday", "clock_settime",
  "modify_ldt", "iopl", "ioperm", "quotactl", "lookup_dcookie", "fanotify_init", "io_setup", "seccomp",
];

describe("the grading seccomp profile", () => {
  it("refuses every syscall it does not list, with EPERM", () => {
    expect(profile.defaultAction).toBe("SCMP_ACT_ERRNO");
    expect(profile.defaultErrnoRet).toBe(1);
  });

  it.each(REFUSED)("does not allow %s", (name) => {
    expect(allowed(name)).toEqual([]);
  });

  it("allows clone only without namespace flags, and makes clone3 fall back to it (ENOSYS)", () => {
    const CLONE_NEW_FLAGS = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000;
    expect(allowed("clone")).toEqual([
      expect.objectContaining({ args: [{ index: 0, value: CLONE_NEW_FLAGS, valueTwo: 0, op: "SCMP_CMP_MASKED_EQ" }] }),
    ]);
    expect(rules.filter((rule) => rule.names.includes("clone3"))).toEqual([
      expect.objectContaining({ action: "SCMP_ACT_ERRNO", errnoRet: 38 }),
    ]);
  });

  it("allows socket() for local, IPv4, IPv6 and routing-netlink sockets only", () => {
    const families = allowed("socket").map((rule) => rule.args?.find((arg) => arg.index === 0)?.value);
    expect(families.sort((a = 0, b = 0) => a - b)).toEqual([1, 2, 10, 16]);
    expect(allowed("socket").every((rule) => rule.args?.every((arg) => arg.op === "SCMP_CMP_EQ"))).toBe(true);
  });

  it("keeps what the supervisor, Python, uvicorn and pytest-timeout need", () => {
    for (const name of ["setuid", "setgid", "setgroups", "prlimit64", "kill", "prctl", "setsid", "fork", "execve", "wait4",
      "epoll_pwait", "accept4", "bind", "listen", "setitimer", "futex", "rseq", "getrandom", "close_range", "arch_prctl"]) {
      expect(allowed(name), name).toHaveLength(1);
    }
  });

  it("lists each unconditional syscall once", () => {
    const unconditional = rules.filter((rule) => !rule.args).flatMap((rule) => rule.names);
    expect(new Set(unconditional).size).toBe(unconditional.length);
  });

  it("is what every grading container gets, unless disabled for development", () => {
    const slot = { mode: "process" as const, learnerUid: 40000 };
    const spec = buildContainerSpec({ image: "i", slot, limits: defaultLimits, labels: {} });
    expect(spec.HostConfig?.SecurityOpt).toEqual(["no-new-privileges", `seccomp=${GRADING_SECCOMP_PROFILE}`]);
    expect(JSON.parse(GRADING_SECCOMP_PROFILE)).toEqual(profile);
    const unconfined = buildContainerSpec({ image: "i", slot, limits: defaultLimits, labels: {}, isSeccompDisabled: true });
    expect(unconfined.HostConfig?.SecurityOpt).toEqual(["no-new-privileges"]);
  });
});

describe("reading the seccomp checks", () => {
  it("finds seccomp among the engine's security options", () => {
    expect(listsSeccomp(["name=apparmor", "name=seccomp,profile=default"])).toBe(true);
    expect(listsSeccomp(["name=apparmor"])).toBe(false);
    expect(listsSeccomp(undefined)).toBe(false);
  });

  it("accepts a filter that refuses unshare with EPERM, and says what is wrong otherwise", () => {
    expect(describeSeccompProblem({ mode: 2, unshareErrno: 1 })).toBeNull();
    expect(describeSeccompProblem({ mode: 0, unshareErrno: 0 })).toMatch(/seccomp mode 0/);
    expect(describeSeccompProblem({ mode: 2, unshareErrno: 0 })).toMatch(/could create a user namespace/);
    expect(describeSeccompProblem({ mode: 2, unshareErrno: 22 })).toMatch(/errno 22/);
  });
});
