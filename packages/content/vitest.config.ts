import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["src/**/*.test.ts"], exclude: ["src/**/*.docker.test.ts"] } },
      {
        test: {
          name: "docker",
          include: ["src/**/*.docker.test.ts"],
          testTimeout: 300_000,
          // beforeAll builds the grader image when it is missing (minutes on a fresh machine), then
          // checks every lesson block in one container, two at a time: ~5 min on a busy 2-core machine.
          hookTimeout: 1_800_000,
        },
      },
    ],
  },
});
