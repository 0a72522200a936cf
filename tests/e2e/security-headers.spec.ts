import type { APIResponse } from "@playwright/test";
// The framing test provokes a refusal on purpose, so it runs without the violation check.
import { test as testWithoutCspCheck } from "@playwright/test";

import { newLearner, signUp } from "./support/accounts";
import { expect, test } from "./support/test";

const PAGES = [
  "/",
  "/sign-in",
  "/sign-up",
  "/learn",
  "/learn/5.4",
  "/learn/5.4/quiz",
  "/learn/search?q=depends",
  "/exercises",
  "/exercises/basic-greeting-api",
  "/dashboard",
  "/instructor",
  "/exam",
  "/no-such-page",
];
const OTHER_RESPONSES = ["/api/health/live", "/api/auth/get-session", "/icon.svg"];

function expectSecurityHeaders(response: APIResponse, url: string) {
  const headers = response.headers();
  const policy = headers["content-security-policy"] ?? "";
  expect(policy, `${url}: a nonce-based script policy`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy, `${url}: no framing`).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"], url).toBe("nosniff");
  expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], url).toBe("DENY");
  // The browser tests run over plain http: no HSTS (it is set when APP_URL is https).
  expect(headers["strict-transport-security"], url).toBeUndefined();
  return policy.match(/'nonce-([^']+)'/)![1]!;
}

async function checkEveryPageType(request: { get(url: string): Promise<APIResponse> }) {
  for (const url of PAGES) {
    const response = await request.get(url);
    const nonce = expectSecurityHeaders(response, url);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]!);
    expect(scripts.length, `${url}: the page has scripts`).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes, `${url}: every script carries this response's nonce`).toContain(`nonce="${nonce}"`);
  }
  for (const url of OTHER_RESPONSES) expectSecurityHeaders(await request.get(url), url);
  const stylesheet = (await (await request.get("/")).text()).match(/href="(\/_next\/static\/[^"]+\.css)"/)?.[1];
  expect(stylesheet, "the home page links its stylesheet").toBeTruthy();
  expectSecurityHeaders(await request.get(stylesheet!), stylesheet!);
}

test("every page type, signed out, carries the security headers and a nonce on each of its scripts", async ({ request }) => {
  await checkEveryPageType(request);
});

test("every page type, signed in, carries the security headers and a nonce on each of its scripts", async ({ page }) => {
  await signUp(page, newLearner());
  await checkEveryPageType(page.request);
});

testWithoutCspCheck("the app refuses to be framed", async ({ page }) => {
  const framed = page.waitForEvent("console", (message) => /frame-ancestors/.test(message.text()));
  await page.setContent(`<iframe src="${testWithoutCspCheck.info().project.use.baseURL}/sign-in"></iframe>`);
  await framed;
  await expect(page.frameLocator("iframe").getByRole("button", { name: "Sign in" })).toHaveCount(0);
});
