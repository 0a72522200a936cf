import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { demoInstructor, signIn } from "./support/accounts";
import { seedCohortOnOlderVersion } from "./support/regrade-data";
import { test } from "./support/test";
import { expect } from "./support/test";

const EXERCISE = "basic-greeting-api";
const GRADING_TIMEOUT = 150_000;

async function expectFitsPhoneAndAccessible(page: Page, label: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${label} is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="regrade-panel"]').withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`), `${label} breaks WCAG 2 A/AA rules`).toEqual([]);
}

test("on a phone, an instructor previews a regrade after the tests changed, watches it grade live, and applies it to the gradebook", async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 375, height: 740 });
  // Ada's solution scored 4 under the older tests, Ben's 10: the current tests give both 10.
  const { cohortId, learnerIds } = await seedCohortOnOlderVersion(demoInstructor.email, EXERCISE, [
    { name: "Ada Regrade", score: 4 },
    { name: "Ben Regrade", score: 10 },
  ]);
  await signIn(page, demoInstructor);
  await expect(page).not.toHaveURL(/sign-in/);
  await page.goto(`/instructor/cohorts/${cohortId}/exercises/${EXERCISE}`);
  const panel = page.getByTestId("regrade-panel");

  await test.step("the panel says a newer version exists, and a preview starts", async () => {
    await expect(panel.getByTestId("regrade-newer-version")).toContainText("2 learners'");
    await expectFitsPhoneAndAccessible(page, "the regrade panel offering a preview");
    await panel.getByRole("button", { name: "Preview regrade" }).click();
  });

  await test.step("the gradings arrive without a reload, and the table says what would change", async () => {
    await expect(panel.getByTestId("regrade-progress")).toHaveText("Graded 2 of 2", { timeout: GRADING_TIMEOUT });
    const row = (name: string) => panel.getByTestId("regrade-row").filter({ hasText: name });
    await expect(row("Ada Regrade").getByTestId("regrade-outcome")).toHaveText("Goes up");
    await expect(row("Ada Regrade").getByTestId("regrade-best")).toHaveText("4 → 10(+6)");
    await expect(row("Ben Regrade").getByTestId("regrade-outcome")).toHaveText("Unchanged");
    await expectFitsPhoneAndAccessible(page, "the regrade preview and its table");
  });

  await test.step("apply, confirmed, changes the gradebook's best score as previewed", async () => {
    page.once("dialog", (dialog) => void dialog.accept());
    await panel.getByRole("button", { name: "Apply regrade" }).click();
    await expect(panel).toContainText("Every learner's latest submission is graded against the current version");
    await page.goto(`/instructor/cohorts/${cohortId}`);
    const cell = page.locator(`[data-testid="gradebook-cell"][data-learner-id="${learnerIds[0]}"][data-exercise-id="${EXERCISE}"]`);
    await expect(cell).toHaveAttribute("data-best-score", "10");
  });
});
