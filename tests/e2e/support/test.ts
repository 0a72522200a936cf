import type { BrowserContext } from "@playwright/test";
import { test as base, expect } from "@playwright/test";

const CSP_VIOLATION = /Content Security Policy|Refused to (execute|load|apply|connect|frame|evaluate)/i;

function recordViolations(context: BrowserContext, violations: string[]) {
  context.on("console", (message) => {
    if (message.type() === "error" && CSP_VIOLATION.test(message.text())) violations.push(`${message.location().url}: ${message.text()}`);
  });
}

/**
 * Every browser test runs with the app's Content-Security-Policy on, and fails when a page of any
 * of its browser contexts (the default one and those it opens itself) reports a violation.
 */
export const test = base.extend<{ failOnCspViolation: void }, { cspViolations: string[] }>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  cspViolations: [async ({}, use) => use([]), { scope: "worker" }],
  browser: [
    async ({ browser, cspViolations }, use) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const context = await newContext(options);
        recordViolations(context, cspViolations);
        return context;
      };
      await use(browser);
    },
    { scope: "worker" },
  ],
  context: async ({ context, cspViolations }, use) => {
    recordViolations(context, cspViolations);
    await use(context);
  },
  failOnCspViolation: [
    async ({ cspViolations }, use) => {
      cspViolations.length = 0;
      await use();
      expect(cspViolations, "Content-Security-Policy violations reported by the browser").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
