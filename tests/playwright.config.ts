import path from "node:path";

import { defineConfig } from "@playwright/test";

import { e2eExam, e2eStack } from "./e2e/support/stack";

const { port } = e2eStack;
const repoRoot = path.resolve(import.meta.dirname, "..");

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./artifacts/test-results",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["html", { outputFolder: "./artifacts/playwright-report", open: "never" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download is not reachable from these machines.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "desktop", use: { viewport: { width: 1280, height: 720 } } },
    // A phone's width: the layout checks (no sideways scrolling, axe) run there too.
    { name: "narrow", testMatch: /layout\.spec\.ts$/, use: { viewport: { width: 375, height: 740 } } },
  ],
  webServer: {
    command: "pnpm dev:stack",
    cwd: repoRoot,
    url: `http://localhost:${port}/`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      EMBEDDED_PG_PORT: String(e2eStack.databasePort),
      DATA_DIR: e2eStack.dataDir,
      SEED_DEMO: "true",
      GRADER_METRICS_PORT: "0",
      // Every browser test signs up its own learners from one address, faster than any person would.
      AUTH_SIGN_IN_ATTEMPTS_PER_MINUTE: "1000",
      AUTH_SIGN_UPS_PER_10_MINUTES: "1000",
      // The mock exam's sitting is short, so a browser test can let its clock run out (mock-exam.spec.ts);
      // the grader's sweep, which submits attempts past their deadline, runs every few seconds.
      EXAM_MOCK_DURATION_MINUTES: String(e2eExam.durationMinutes),
      GRADER_MAINTENANCE_SECONDS: "2",
    },
  },
});
