import { describe, expect, it } from "vitest";

import { loadGraderConfig } from "./config";

const DATABASE_URL = "postgres://academy:secret@localhost:5432/academy";

describe("grader configuration", () => {
  it("treats a variable set to nothing (as a compose .env file leaves it) as not set", () => {
    const config = loadGraderConfig({ DATABASE_URL, GRADER_CONCURRENCY: "", GRADER_METRICS_PORT: "", LOG_LEVEL: "" });
    expect(config.GRADER_CONCURRENCY).toBeGreaterThanOrEqual(1);
    expect(config.GRADER_METRICS_PORT).toBe(9464);
    expect(config.LOG_LEVEL).toBe("info");
  });

  it("refuses a value it cannot use, naming the variable", () => {
    expect(() => loadGraderConfig({ DATABASE_URL, GRADER_CONCURRENCY: "0" })).toThrow(/GRADER_CONCURRENCY/);
    expect(() => loadGraderConfig({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL/);
  });

  it("takes a cgroup parent as a cgroupfs path or a systemd slice, and none by default", () => {
    expect(loadGraderConfig({ DATABASE_URL }).GRADER_CGROUP_PARENT).toBeUndefined();
    expect(loadGraderConfig({ DATABASE_URL, GRADER_CGROUP_PARENT: "/academy-grading" }).GRADER_CGROUP_PARENT).toBe("/academy-grading");
    expect(loadGraderConfig({ DATABASE_URL, GRADER_CGROUP_PARENT: "academygrading.slice" }).GRADER_CGROUP_PARENT).toBe("academygrading.slice");
  });

  it("refuses a cgroup parent that could leave its place in the hierarchy or is not a path", () => {
    expect(() => loadGraderConfig({ DATABASE_URL, GRADER_CGROUP_PARENT: "/academy/../system.slice" })).toThrow(/GRADER_CGROUP_PARENT must not contain/);
    expect(() => loadGraderConfig({ DATABASE_URL, GRADER_CGROUP_PARENT: "/academy grading" })).toThrow(/GRADER_CGROUP_PARENT may hold only/);
    expect(() => loadGraderConfig({ DATABASE_URL, GRADER_CGROUP_PARENT: "academy;rm" })).toThrow(/GRADER_CGROUP_PARENT may hold only/);
  });
});
