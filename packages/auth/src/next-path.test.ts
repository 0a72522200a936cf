import { describe, expect, it } from "vitest";

import { DEFAULT_NEXT_PATH, findSafeNextPath } from "./next-path";

describe("the page opened after signing in", () => {
  it.each(["/learn", "/learn/path-parameters?tab=quiz#q2", "/exercises/get-product-catalog", "/dashboard", "/learn/a%20b"])("follows the same-site path %s", (path) => {
    expect(findSafeNextPath(path)).toBe(path);
  });

  it.each([
    ["nothing", null],
    ["an empty value", ""],
    ["a relative path without a slash", "dashboard"],
    ["an absolute URL", "https://evil.example/dashboard"],
    ["a scheme-relative URL", "//evil.example"],
    ["a backslash after the slash", "/\\evil.example"],
    ["backslashes only", "\\\\evil.example"],
    ["an encoded backslash", "/%5Cevil.example"],
    ["an encoded lower-case backslash", "/%5cevil.example"],
    ["an encoded second slash", "/%2Fevil.example"],
    ["a tab inside the slashes", "/\t/evil.example"],
    ["a newline inside the slashes", "/\n/evil.example"],
    ["an encoded tab inside the slashes", "/%09/evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["malformed percent-encoding", "/%E0%A4%A"],
    ["a dot segment before a second slash", "/.//evil.example"],
    ["a parent segment before a second slash", "/..//evil.example/x"],
    ["an encoded parent segment before a second slash", "/%2e%2e//evil.example"],
    ["a folder and its parent before a second slash", "/a/..//evil.example"],
  ])("falls back to the dashboard for %s", (_label, next) => {
    expect(findSafeNextPath(next)).toBe(DEFAULT_NEXT_PATH);
  });
});
