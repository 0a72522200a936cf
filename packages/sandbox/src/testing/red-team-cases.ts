import { readFile } from "node:fs/promises";
import path from "node:path";

import type { GradingReport } from "../report/schema";
import type { SubmittedFile } from "../submission/validate-files";
import { FIXTURES_DIR } from "./fixtures";

export type ContainedCase = {
  name: string;
  attack: string;
  expected: string;
  exercise: string;
  statuses: GradingReport["status"][];
  outputHas?: (string | RegExp)[];
  outputLacks?: (string | RegExp)[];
  check?: (report: GradingReport) => void;
  /** The submission, when it is not the folder test-fixtures/red-team/<name>. */
  files?: () => Promise<SubmittedFile[]>;
};

export type RejectedCase = { name: string; attack: string; files: { name: string; content: string | Uint8Array }[]; reason: RegExp };

const visiblePassed = (report: GradingReport) =>
  report.tests.filter((t) => t.visibility === "visible" && t.status === "passed").length;

function numberAfter(report: GradingReport, label: string): number {
  const match = new RegExp(`${label} (\\d+)`).exec(report.output);
  if (!match?.[1]) throw new Error(`no "${label} <n>" in the output`);
  return Number(match[1]);
}

/** A submission making raw syscalls: test-fixtures/red-team/syscalls/prelude.py then <attack>.py, as one main.py.
 * Passes when each labelled syscall was refused by the seccomp profile (EPERM, or ENOSYS) and none let through. */
function refusedSyscalls(attack: string, labels: string[]): Pick<ContainedCase, "files" | "outputHas" | "outputLacks"> {
  const dir = path.join(FIXTURES_DIR, "red-team", "syscalls");
  const files = async () => {
    const [prelude, body] = await Promise.all([readFile(path.join(dir, "prelude.py"), "utf8"), readFile(path.join(dir, `${attack}.py`), "utf8")]);
    return [{ name: "main.py", content: `${prelude}\n${body}` }];
  };
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return {
    files,
    outputHas: labels.map((label) => new RegExp(`SYSCALL-REFUSED ${escape(label)} (EPERM|ENOSYS)\n`)),
    outputLacks: ["SYSCALL-ALLOWED"],
  };
}

function assert(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** Hostile submissions that reach a container: each must be contained and reported correctly. */
export const containedCases: ContainedCase[] = [
  { name: "infinite-loop-import", attack: "`while True: pass` at import", expected: "timeout at the limit, app never ready", exercise: "hello-quick", statuses: ["timeout"], outputHas: ["took longer than 5 s"] },
  { name: "infinite-loop-endpoint", attack: "endpoint spins forever", expected: "request timeouts / run timeout", exercise: "hello-quick", statuses: ["timeout", "failed"] },
  { name: "fork-bomb", attack: "child forks endlessly", expected: "stopped by RLIMIT_NPROC + pids limit", exercise: "hello-quick", statuses: ["timeout", "failed", "error"] },
  {
    name: "thread-bomb",
    attack: "threads until failure",
    expected: "capped by RLIMIT_NPROC (96)",
    exercise: "hello-process",
    statuses: ["failed", "error", "timeout"],
    check: (r) => assert(numberAfter(r, "THREADS-STARTED") < 96, "more threads than the nproc cap"),
  },
  {
    name: "memory-hog-import",
    attack: "allocates without end at import",
    expected: "OOM-killed, error, 'ran out of memory (limit 256 MB)'",
    exercise: "hello-process",
    statuses: ["error"],
    outputHas: ["ran out of memory (limit 256 MB)"],
    check: (r) => assert(r.limits.oomKilled, "oomKilled not set"),
  },
  {
    name: "memory-hog-endpoint",
    attack: "allocates without end in a request",
    expected: "app OOM-killed mid-run; pytest survives",
    exercise: "hello-process",
    statuses: ["failed"],
    outputHas: ["ran out of memory (limit 256 MB)"],
    check: (r) => assert(r.limits.oomKilled && visiblePassed(r) === 2, "oom not reported or runner hurt"),
  },
  {
    name: "output-flood",
    attack: "prints 20 MB",
    expected: "output capped at 64 KiB, truncation marked",
    exercise: "hello-process",
    statuses: ["failed"],
    outputHas: ["Output was truncated", "[output truncated"],
    check: (r) => assert(r.limits.outputTruncated && r.output.length < 70_000, "output not capped"),
  },
  {
    name: "network-probe",
    attack: "connects to 192.0.2.1 (TEST-NET), the docker socket, DNS",
    expected: "every attempt fails (no network, no socket)",
    exercise: "hello-process",
    statuses: ["failed"],
    outputHas: ["NET-BLOCKED outside", "NET-BLOCKED docker-socket", "NET-BLOCKED dns"],
    outputLacks: ["NET-OPEN"],
  },
  {
    name: "disk-fill-tmpfs",
    attack: "fills its scratch folder",
    expected: "ENOSPC at the 64 MB tmpfs cap",
    exercise: "hello-process",
    statuses: ["failed"],
    check: (r) => assert(numberAfter(r, "DISK-FULL-AFTER-MB") <= 64, "wrote past the scratch cap"),
  },
  {
    name: "disk-write-elsewhere",
    attack: "writes to /, /tmp, /grader/*, /dev/shm, /etc, the runner…",
    expected: "all refused (read-only root, 0700 dirs, no /dev/shm)",
    exercise: "hello-process",
    statuses: ["failed"],
    outputHas: ["WRITE-DENIED /grader: Read-only file system", "WRITE-DENIED /grader/submission: Permission denied", "WRITE-DENIED /grader/tests: Permission denied", "WRITE-DENIED /tmp"],
    outputLacks: ["WRITE-OK"],
  },
  {
    name: "fd-exhaustion",
    attack: "opens files until EMFILE",
    expected: "stops at nofile 512, in its own process",
    exercise: "hello-process",
    statuses: ["failed", "error"],
    check: (r) => assert(numberAfter(r, "FD-LIMIT") <= 512, "more fds than the nofile cap"),
  },
  {
    name: "read-hidden-tests",
    attack: "opens /grader/tests, walks / for test files, reads every other user's stdin, memory and environment (the job came in on the supervisor's stdin)",
    expected: "EACCES on the tester's 0700 folders and on every other user's /proc entries",
    exercise: "hello-process",
    statuses: ["failed"],
    outputHas: ["READ-DENIED /grader/tests/hidden/test_notes.py", "READ-DENIED /grader/tests", "READ-DENIED /proc/1/fd/0", "READ-DENIED /proc/1/mem"],
    outputLacks: [/^READ \/proc/m],
  },
  {
    name: "forge-report",
    attack: "prints a fake report and the supervisor's own 'done <length>' frame, writes report files, opens the container's stdout (PID 1's and every other user's fd 1, the terminals), writes to every fd",
    expected: "files and the container's stdout refused; its stdout is only output",
    exercise: "hello-process",
    statuses: ["failed"],
    outputHas: ["FORGE-DENIED /grader/submission/report.json", "FORGE-DENIED /proc/1/fd/1", "FORGE-DENIED /dev/console"],
    outputLacks: [/FORGED \//],
  },
  {
    name: "kill-others",
    attack: "SIGKILL to every other pid",
    expected: "EPERM for pytest and the supervisor",
    exercise: "hello-process",
    statuses: ["failed"],
    outputLacks: ["KILLED "],
    check: (r) => assert(visiblePassed(r) === 2, "the test runner was hurt"),
  },
  { name: "kill-minus-one", attack: "kill(-1, SIGKILL) from a child", expected: "kills only its own processes; report produced", exercise: "hello-process", statuses: ["failed", "error"] },
  {
    name: "privilege-escalation",
    attack: "setuid(0), setgid(0), append /etc/passwd, su, setuid bit",
    expected: "all refused (no caps, no-new-privileges, nosuid, read-only)",
    exercise: "hello-process",
    statuses: ["failed"],
    outputHas: ["ESCALATION-DENIED setuid", "ESCALATION-DENIED su", "ESCALATION-DENIED setuid bit"],
    outputLacks: ["ESCALATION-OK"],
  },
  {
    name: "unshare",
    attack: "ctypes syscall: unshare(CLONE_NEWUSER), unshare with mount/net namespaces, setns, clone(CLONE_NEWUSER)",
    expected: "each refused by seccomp (EPERM); the kernel alone allows a user namespace here",
    exercise: "hello-process",
    statuses: ["failed"],
    ...refusedSyscalls("unshare", [
      "unshare(CLONE_NEWUSER)",
      "unshare(CLONE_NEWUSER|CLONE_NEWNS|CLONE_NEWNET)",
      "setns(own user namespace)",
      "clone(CLONE_NEWUSER|CLONE_NEWPID)",
    ]),
  },
  {
    name: "keyctl",
    attack: "ctypes syscall: keyctl, add_key, request_key (the host-wide kernel keyring)",
    expected: "each refused by seccomp (EPERM)",
    exercise: "hello-process",
    statuses: ["failed"],
    ...refusedSyscalls("keyctl", ["keyctl(KEYCTL_GET_KEYRING_ID, session)", "add_key(user)", "request_key(user)"]),
  },
  {
    name: "io-uring",
    attack: "ctypes syscall: io_uring_setup, io_uring_enter, io_uring_register",
    expected: "each refused by seccomp (EPERM, not the kernel's EBADF)",
    exercise: "hello-process",
    statuses: ["failed"],
    ...refusedSyscalls("io-uring", ["io_uring_setup", "io_uring_enter", "io_uring_register"]),
  },
  {
    name: "kernel-surface",
    attack: "ctypes syscall: bpf, perf_event_open, ptrace(TRACEME), process_vm_readv, mount, umount2, pivot_root",
    expected: "each refused by seccomp (EPERM)",
    exercise: "hello-process",
    statuses: ["failed"],
    ...refusedSyscalls("kernel-surface", [
      "bpf(BPF_MAP_CREATE)",
      "perf_event_open(software clock, self)",
      "ptrace(PTRACE_TRACEME)",
      "process_vm_readv(self)",
      "mount(tmpfs)",
      "umount2(/scratch/app)",
      "pivot_root",
    ]),
  },
  {
    name: "runner-config-files",
    attack: "conftest.py forcing passes, pytest.ini/pyproject/setup.cfg/tox.ini addopts, sitecustomize, usercustomize, .pth",
    expected: "never copied nor loaded (process isolation)",
    exercise: "permissive-process",
    statuses: ["failed"],
    outputLacks: ["SITECUSTOMIZE-RAN", "USERCUSTOMIZE-RAN", "PTH-RAN"],
  },
  {
    name: "runner-config-files-in-process",
    attack: "the same files, isolation in-process",
    expected: "stripped; pytest runs with -I, --noconftest, -c",
    exercise: "permissive-in-process",
    statuses: ["failed"],
    outputLacks: ["SITECUSTOMIZE-RAN", "USERCUSTOMIZE-RAN", "PTH-RAN"],
  },
  {
    name: "monkeypatch-in-process",
    attack: "patches Function.runtest to a no-op",
    expected: "tampering detected: error, nothing counts",
    exercise: "slugify-in-process",
    statuses: ["error"],
    outputHas: ["changed the test runner"],
  },
  {
    name: "read-tests-in-process",
    attack: "open/cat/symlink the hidden tests, import ctypes",
    expected: "audit hook refuses each",
    exercise: "slugify-in-process",
    statuses: ["failed"],
    outputHas: ["READ-DENIED /grader/tests/hidden", "SPAWN-DENIED", "CTYPES-DENIED", "LINK-DENIED"],
  },
  {
    name: "forge-results-in-process",
    attack: "writes \"passed\" for every test into each fd of the pytest process (its results pipe among them): plain events and lines with a made-up MAC",
    expected: "unsigned lines voided: error, nothing counts",
    exercise: "slugify-in-process",
    statuses: ["error"],
    outputHas: [/FORGED fd \d+/, /Your code wrote \d+ lines into the test runner's results, so no test counts/],
    check: (r) => assert(r.score === 0 && r.tests.every((t) => t.status !== "passed"), "a forged result counted"),
  },
  {
    name: "forge-results-signed-in-process",
    attack: "sends \"passed\" for every test through the runner's own signed results channel, before the tests run",
    expected: "a sender other than the runner's hooks: error, nothing counts",
    exercise: "slugify-in-process",
    statuses: ["error"],
    outputHas: ["FORGED-SIGNED 5", /changed the test runner \(.*results channel caller/],
    check: (r) => assert(r.score === 0 && r.tests.every((t) => t.status !== "passed"), "a forged result counted"),
  },
  {
    name: "swap-results-writer-in-process",
    attack: "replaces the plugin's results writer/channel with a wrapper that turns every real result into \"passed\" and forwards it, signed and in sequence, restoring the attribute around each call; reads the channel's frame",
    expected: "the wrapper is a frame between the runner's hook and the channel: error, nothing counts; frame refused",
    exercise: "slugify-in-process",
    statuses: ["error"],
    outputHas: [/SWAPPED plugin\._(writer|channel)/, "CHANNEL-FRAME-DENIED", /changed the test runner \(.*results channel caller/],
    outputLacks: ["CHANNEL-FRAME ["],
    check: (r) => assert(r.score === 0 && r.tests.every((t) => t.status !== "passed"), "a forged result counted"),
  },
  {
    name: "wrap-report-hook-in-process",
    attack: "wraps pluggy's HookCaller.__call__ to mark each report passed before the runner's pytest_runtest_logreport reads it (original put back while the hook runs); swaps that hook's __code__",
    expected: "HookCaller.__call__ changed and a learner frame under the hook: error, nothing counts; code swap refused",
    exercise: "slugify-in-process",
    statuses: ["error"],
    outputHas: ["WRAPPED HookCaller.__call__", "HOOK-CODE-DENIED", /changed the test runner \(.*HookCaller\.__call__/],
    outputLacks: ["HOOK-CODE-SWAPPED"],
    check: (r) => assert(r.score === 0 && r.tests.every((t) => t.status !== "passed"), "a forged result counted"),
  },
  { name: "exit-early-in-process", attack: "os._exit(0) inside pytest", expected: "no test counts; error", exercise: "slugify-in-process", statuses: ["error"] },
  {
    name: "write-tests-spy",
    attack: "learner tests read app/mutant source and other processes' cwd",
    expected: "EACCES: variants are told apart only by behaviour",
    exercise: "notes-write-tests",
    statuses: ["failed"],
    outputHas: ["READ-DENIED /grader/app/main.py", "READ-DENIED /scratch/app/main.py"],
    outputLacks: ["READ-OK", /CWD-OK \d+ \/scratch\/app/],
  },
];

/** Hostile input refused before any container exists. */
export const rejectedCases: RejectedCase[] = [
  { name: "conftest-submitted", attack: "adds conftest.py", files: [{ name: "main.py", content: "" }, { name: "conftest.py", content: "" }], reason: /conftest.py.*not a file of this exercise/ },
  { name: "sitecustomize-submitted", attack: "adds sitecustomize.py", files: [{ name: "main.py", content: "" }, { name: "sitecustomize.py", content: "" }], reason: /not a file of this exercise/ },
  { name: "path-traversal", attack: "names a file ../main.py", files: [{ name: "../main.py", content: "" }], reason: /leaves its folder/ },
  { name: "absolute-path", attack: "names a file /etc/passwd", files: [{ name: "/etc/passwd", content: "" }], reason: /absolute path/ },
  { name: "oversize-file", attack: "300 KiB main.py", files: [{ name: "main.py", content: "#".repeat(300 * 1024) }], reason: /larger than 256 KiB/ },
  { name: "non-utf8", attack: "Latin-1 bytes", files: [{ name: "main.py", content: Uint8Array.from([0x23, 0xe9, 0xff]) }], reason: /not UTF-8/ },
];
