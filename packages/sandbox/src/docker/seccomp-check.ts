import type Docker from "dockerode";

import { defaultLimits } from "../config/limits";
import { GradingUnavailableError, SeccompUnavailableError } from "../errors";
import { buildContainerSpec } from "./container-spec";
import { withTimeout } from "./warm-container";

// Runs inside a container built like a grading one: the seccomp mode the kernel reports for it,
// and whether unshare(CLONE_NEWUSER), which the kernel allows any user here, is refused.
const PROBE = `
import ctypes, json, platform
status = dict(line.split(":", 1) for line in open("/proc/self/status") if ":" in line)
libc = ctypes.CDLL(None, use_errno=True)
nr_unshare = {"x86_64": 272, "aarch64": 97}[platform.machine()]
refused = libc.syscall(nr_unshare, 0x10000000) == -1
print("probe", json.dumps({"mode": int(status["Seccomp"]), "unshareErrno": ctypes.get_errno() if refused else 0}))
`;

const EPERM = 1;
const SECCOMP_MODE_FILTER = 2;

/** What a probe container saw: its seccomp mode (2 = filter) and the errno of unshare(CLONE_NEWUSER) (0 = allowed). */
export type SeccompProbe = { mode: number; unshareErrno: number };

/** The engine lists seccomp among its security options (`docker info`), e.g. "name=seccomp,profile=default". */
export function listsSeccomp(securityOptions: unknown): boolean {
  return Array.isArray(securityOptions) && securityOptions.some((option) => String(option).split(",").includes("name=seccomp"));
}

/** Why a probe's result means grading containers are not confined, or null when they are. */
export function describeSeccompProblem(probe: SeccompProbe): string | null {
  if (probe.mode !== SECCOMP_MODE_FILTER) return `a grading container runs with seccomp mode ${probe.mode} (2, a filter, was expected)`;
  if (probe.unshareErrno !== EPERM) {
    return probe.unshareErrno === 0
      ? "a grading container could create a user namespace: the grading profile was not applied"
      : `unshare in a grading container failed with errno ${probe.unshareErrno}, not EPERM: the grading profile was not applied`;
  }
  return null;
}

/** Starts a container with the grading containers' settings (tests: other security options, own
 * labels) and returns what it saw. The container is removed whatever happens. */
export async function probeSeccomp(
  docker: Docker,
  image: string,
  options: { securityOpt?: string[]; labels?: Record<string, string> } = {},
): Promise<SeccompProbe> {
  const { securityOpt } = options;
  const spec = buildContainerSpec({
    image,
    slot: { mode: "process", learnerUid: 20_000 },
    limits: defaultLimits,
    labels: options.labels ?? {},
  });
  const container = await docker.createContainer({
    ...spec,
    Cmd: ["python3", "-I", "-c", PROBE],
    Tty: true,
    OpenStdin: false,
    StdinOnce: false,
    AttachStdin: false,
    // Its output is read back from the log, which grading containers do without.
    HostConfig: { ...spec.HostConfig, LogConfig: { Type: "json-file", Config: {} }, ...(securityOpt ? { SecurityOpt: securityOpt } : {}) },
  });
  try {
    await container.start();
    const { StatusCode } = (await container.wait()) as { StatusCode: number };
    // The line starts with a word: docker-modem would parse a bare JSON body into an object.
    const output = String(await container.logs({ stdout: true, stderr: true, follow: false })).trim();
    if (StatusCode !== 0) throw new Error(`the probe exited with ${StatusCode}: ${output.slice(-300)}`);
    return JSON.parse(output.split("\n").at(-1)?.replace(/^probe /, "") ?? "") as SeccompProbe;
  } finally {
    await container.remove({ force: true, v: true }).catch(() => undefined);
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

/**
 * Resolves when grading containers on this engine run under the grading seccomp profile. Checks
 * `docker info`, then starts one probe container (~1 s). Throws SeccompUnavailableError (one line:
 * what is missing, and the variable that allows it for development) when they would not, and
 * GradingUnavailableError when the engine could not be asked (no answer, no image).
 */
export async function assertSeccompEnforced(docker: Docker, image: string, timeoutMs = 60_000): Promise<void> {
  const refuse = (reason: string) =>
    new SeccompUnavailableError(
      `grading containers would run without seccomp: ${reason}. Refusing to grade; GRADER_ALLOW_NO_SECCOMP=1 allows it on a development machine`,
    );
  const ask = <T>(promise: Promise<T>, what: string) =>
    withTimeout(promise, timeoutMs, `no answer within ${timeoutMs / 1000} s`).catch((error: unknown) => {
      // An engine without seccomp refuses to start a container with a profile ("seccomp is not enabled…").
      if (/seccomp/i.test(firstLine(error))) throw refuse(firstLine(error));
      throw new GradingUnavailableError(`could not check seccomp (${what}): ${firstLine(error)}`);
    });
  const info = (await ask(docker.info(), "docker info")) as { SecurityOptions?: unknown };
  if (!listsSeccomp(info.SecurityOptions)) throw refuse("the Docker engine lists no seccomp support (docker info: Security Options)");
  const problem = describeSeccompProblem(await ask(probeSeccomp(docker, image), "probe container"));
  if (problem) throw refuse(problem);
}
