import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["src/**/*.test.ts"], exclude: ["src/**/*.docker.test.ts"] } },
      {
        test: {
          name: "docker",
          include: ["src/**/*.docker.test.ts"],
          // Builds the grader image when it is missing (minutes on a fresh machine).
          globalSetup: ["./src/testing/global-setup.ts"],
          testTimeout: 180_000,
          hookTimeout: 900_000,
          // Two containers at a time: each is capped at one CPU, the machines have two.
          maxConcurrency: 2,
          fileParallelism: false,
        },
      },
    ],
  },
});
