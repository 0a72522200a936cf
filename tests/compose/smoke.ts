// pnpm test:compose — the compose stack end to end: builds the images (offline), brings up
// docker/compose.yaml under a project of its own, signs up through the web app, submits a
// solution, waits for the grader's verdict, and tears the stack down (volumes too).
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const EXERCISE = "basic-greeting-api";
const READY_TIMEOUT_MS = 5 * 60_000;
const GRADING_TIMEOUT_MS = 3 * 60_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function step(message: string, startedAt: number) {
  console.log(`[compose-smoke] ${((performance.now() - startedAt) / 1000).toFixed(1)} s  ${message}`);
}

async function waitFor<T>(what: string, timeoutMs: number, attempt: () => Promise<T | undefined>): Promise<T> {
  const giveUpAt = Date.now() + timeoutMs;
  // A timer of its own keeps the process up while a request is in flight (Node does not count a connecting fetch).
  const keepAlive = setInterval(() => undefined, 1000);
  try {
    return await poll(what, timeoutMs, giveUpAt, attempt);
  } finally {
    clearInterval(keepAlive);
  }
}

async function poll<T>(what: string, timeoutMs: number, giveUpAt: number, attempt: () => Promise<T | undefined>): Promise<T> {
  let lastError: unknown;
  while (Date.now() < giveUpAt) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s${lastError ? ` (last error: ${String(lastError)})` : ""}`);
}

async function main() {
  const startedAt = performance.now();
  execFileSync("bash", [path.join(repoRoot, "scripts/images/build-images.sh"), "local"], { stdio: "inherit" });
  step("images built", startedAt);

  const webPort = await freePort();
  const appUrl = `http://localhost:${webPort}`;
  // Requests go to the IPv4 address the port is published on; the app's origin stays APP_URL.
  const baseUrl = `http://127.0.0.1:${webPort}`;
  const workDir = mkdtempSync(path.join(os.tmpdir(), "academy-compose-"));
  const envFile = path.join(workDir, ".env");
  writeFileSync(
    envFile,
    [
      "ACADEMY_TAG=local",
      `POSTGRES_PASSWORD=${randomBytes(18).toString("hex")}`,
      `BETTER_AUTH_SECRET=${randomBytes(32).toString("hex")}`,
      `APP_URL=${appUrl}`,
      `WEB_PORT=${webPort}`,
      `GRADER_METRICS_HOST_PORT=${await freePort()}`,
      "GRADER_CONCURRENCY=1",
    ].join("\n"),
  );
  const project = `academy-smoke-${process.pid}`;
  const compose = (...args: string[]) => {
    const result = spawnSync("docker-compose", ["-p", project, "-f", path.join(repoRoot, "docker/compose.yaml"), "--env-file", envFile, ...args], { stdio: "inherit" });
    if (result.status !== 0) throw new Error(`docker-compose ${args.join(" ")} exited with ${result.status}`);
  };

  try {
    compose("up", "-d");
    step("stack started", startedAt);
    await waitFor("the web app's readiness", READY_TIMEOUT_MS, async () => ((await fetch(`${baseUrl}/api/health/ready`, { signal: AbortSignal.timeout(10_000) })).ok ? true : undefined));
    step("web app ready", startedAt);

    const email = `smoke-${randomBytes(4).toString("hex")}@example.test`;
    const signUp = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: appUrl },
      body: JSON.stringify({ email, password: "compose-smoke-pass-42", name: "Compose Smoke" }),
    });
    if (!signUp.ok) throw new Error(`sign-up answered ${signUp.status}: ${await signUp.text()}`);
    const cookie = signUp.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
    step(`signed up ${email}`, startedAt);

    const content = readFileSync(path.join(repoRoot, "exercises", EXERCISE, "solution/main.py"), "utf8");
    const created = await fetch(`${baseUrl}/api/trpc/submission.create`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: appUrl },
      body: JSON.stringify({ json: { exerciseId: EXERCISE, mode: "submit", files: [{ name: "main.py", content }] } }),
    });
    if (!created.ok) throw new Error(`submission.create answered ${created.status}: ${await created.text()}`);
    const submissionId = ((await created.json()) as { result: { data: { json: { id: string } } } }).result.data.json.id;
    step(`submitted ${EXERCISE}'s solution (${submissionId})`, startedAt);

    const input = encodeURIComponent(JSON.stringify({ json: { id: submissionId } }));
    const graded = await waitFor("the grading", GRADING_TIMEOUT_MS, async () => {
      const response = await fetch(`${baseUrl}/api/trpc/submission.get?input=${input}`, { headers: { cookie }, signal: AbortSignal.timeout(10_000) });
      const submission = ((await response.json()) as { result: { data: { json: { status: string; score: number | null; maxScore: number | null } } } }).result.data.json;
      return ["queued", "running"].includes(submission.status) ? undefined : submission;
    });
    step(`graded: ${graded.status} ${graded.score}/${graded.maxScore}`, startedAt);
    if (graded.status !== "passed") throw new Error(`the solution was graded ${graded.status}, not passed`);
  } catch (error) {
    spawnSync("docker-compose", ["-p", project, "-f", path.join(repoRoot, "docker/compose.yaml"), "--env-file", envFile, "logs", "--tail=80"], { stdio: "inherit" });
    throw error;
  } finally {
    compose("down", "--volumes", "--remove-orphans");
    rmSync(workDir, { recursive: true, force: true });
    step("stack removed", startedAt);
  }
  console.log(`compose smoke test passed in ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);
}

main().catch((error: unknown) => {
  console.error(`[compose-smoke] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
