import AxeBuilder from "@axe-core/playwright";
import { getSection } from "@academy/content";
import type { Page } from "@playwright/test";

import { demoInstructor, newLearner, signIn, signUp } from "./support/accounts";
import { seedTeamOf } from "./support/teams";
import { expect, test } from "./support/test";

const EXERCISE = "basic-greeting-api";
const QUIZ_SECTION = "5.4";

/** The main pages, each with what shows it has rendered (signed out, the protected ones end on the sign-in form). */
const PAGES = [
  { name: "home", path: "/", ready: (page: Page) => page.getByRole("heading", { level: 1 }) },
  { name: "sign-in", path: "/sign-in", ready: (page: Page) => page.getByRole("heading", { name: "Sign in" }) },
  { name: "dashboard", path: "/dashboard", ready: (page: Page) => page.getByRole("heading", { level: 1 }) },
  { name: "curriculum", path: "/learn", ready: (page: Page) => page.getByRole("heading", { level: 1 }) },
  { name: "lesson", path: `/learn/${QUIZ_SECTION}`, ready: (page: Page) => page.getByRole("heading", { level: 1 }) },
  { name: "quiz", path: `/learn/${QUIZ_SECTION}/quiz`, ready: (page: Page) => page.getByRole("heading", { level: 1 }) },
  { name: "catalogue", path: "/exercises", ready: (page: Page) => page.getByRole("heading", { level: 1 }) },
  { name: "exercise", path: `/exercises/${EXERCISE}`, ready: (page: Page) => page.getByRole("heading", { level: 1 }) },
  { name: "teams", path: "/teams", ready: (page: Page) => page.getByRole("heading", { level: 1 }) },
  { name: "exams", path: "/exam", ready: (page: Page) => page.getByRole("heading", { level: 1 }) },
  { name: "instructor, learner refused", path: "/instructor", ready: (page: Page) => page.getByRole("heading", { level: 1 }) },
  { name: "join", path: "/join/0123456789abcdef", ready: (page: Page) => page.getByRole("heading", { name: "Join a cohort" }) },
];

const DEMO_COHORT = "Demo cohort · Autumn";

async function openDemoCohort(page: Page) {
  await page.goto("/instructor");
  await page.getByRole("link", { name: DEMO_COHORT }).click();
  await expect(page.getByTestId("gradebook")).toBeVisible();
}

/** The instructor's pages, on the demo cohort, reached by the links an instructor follows. */
const INSTRUCTOR_PAGES = [
  { name: "cohorts", url: /\/instructor$/, open: (page: Page) => page.goto("/instructor") },
  { name: "cohort dashboard", url: /\/cohorts\/[^/]+$/, open: openDemoCohort },
  {
    name: "per-exercise view",
    url: /\/exercises\//,
    open: async (page: Page) => {
      await openDemoCohort(page);
      await page.getByTestId("gradebook").getByRole("columnheader").nth(2).getByRole("link").click();
    },
  },
  {
    name: "learner",
    url: /\/learners\//,
    open: async (page: Page) => {
      await openDemoCohort(page);
      await page.getByTestId("gradebook-row").first().getByRole("rowheader").getByRole("link").click();
    },
  },
  {
    name: "submission",
    url: /\/submissions\//,
    open: async (page: Page) => {
      await openDemoCohort(page);
      await page.locator('a[data-testid="gradebook-cell"]').first().click();
    },
  },
];

/** Fails with the page's width when anything makes the document wider than the window. */
async function expectNoHorizontalOverflow(page: Page, label: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  test.info().annotations.push({ type: "width", description: `${label}: ${scrollWidth}px in a ${innerWidth}px window` });
  expect(scrollWidth, `${label} is ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
}

/** Fails listing each WCAG 2 A/AA rule the page breaks, with the elements that break it. */
async function expectAccessible(page: Page, label: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const found = violations.map((violation) => `${violation.id} (${violation.nodes.length}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  test.info().annotations.push({ type: "axe", description: `${label}: ${found.length === 0 ? "no violations" : found.join("; ")}` });
  expect(found, `${label} breaks WCAG 2 A/AA rules`).toEqual([]);
}

async function openAndCheck(page: Page, { name, path, ready }: (typeof PAGES)[number], state: string) {
  await page.goto(path);
  await expect(ready(page)).toBeVisible();
  if (state === "signed in" && name === "exercise") await expect(page.getByRole("textbox", { name: "Editor: main.py" })).toBeVisible();
  await expectNoHorizontalOverflow(page, `${name}, ${state}`);
  await expectAccessible(page, `${name}, ${state}`);
}

for (const entry of PAGES) {
  test(`${entry.name} fits the window and passes axe, signed out`, async ({ page }) => {
    await openAndCheck(page, entry, "signed out");
  });

  test(`${entry.name} fits the window and passes axe, signed in`, async ({ page }) => {
    await signUp(page, newLearner());
    await openAndCheck(page, entry, "signed in");
  });
}

for (const entry of INSTRUCTOR_PAGES) {
  test(`instructor's ${entry.name} page fits the window and passes axe`, async ({ page }) => {
    await signIn(page, demoInstructor);
    await expect(page).toHaveURL(/\/dashboard$/);
    await entry.open(page);
    await expect(page).toHaveURL(entry.url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByTestId("access-denied")).toHaveCount(0);
    await expectNoHorizontalOverflow(page, `instructor's ${entry.name}`);
    await expectAccessible(page, `instructor's ${entry.name}`);
  });
}

test("a mock exam's sitting, its submit dialog and its result fit the window and pass axe", async ({ page }) => {
  await signUp(page, newLearner());
  await page.goto("/exam");
  await page.getByRole("button", { name: "Start a mock exam" }).click();
  await expect(page.getByTestId("question-overview")).toBeVisible();
  await page.getByTestId("exam-sitting").locator('fieldset[data-testid^="question-"] input').first().check();
  await expect(page.getByTestId("answer-save-state")).toHaveAttribute("data-state", "saved");
  await page.getByRole("button", { name: "Flag for review", exact: true }).click();
  await expectNoHorizontalOverflow(page, "exam sitting");
  await expectAccessible(page, "exam sitting");
  await page.getByRole("tab", { name: /^Part B · 1\./ }).click();
  await expect(page.getByRole("textbox", { name: /^Editor: / })).toBeVisible();
  await expectNoHorizontalOverflow(page, "exam sitting, Part B");
  await expectAccessible(page, "exam sitting, Part B");
  await page.getByRole("button", { name: "Submit exam" }).click();
  await expect(page.getByRole("dialog", { name: "Submit your exam?" })).toBeVisible();
  await expectAccessible(page, "exam submit dialog");
  await page.getByRole("dialog").getByRole("button", { name: "Submit exam" }).click();
  await expect(page).toHaveURL(/\/result$/);
  await expect(page.getByTestId("exam-result")).toBeVisible();
  await expectNoHorizontalOverflow(page, "exam result");
  await expectAccessible(page, "exam result");
  await page.goto("/exam");
  await expect(page.getByTestId("exam-trend")).toBeVisible();
  await expectNoHorizontalOverflow(page, "exams with history");
  await expectAccessible(page, "exams with history");
});

test("a graded quiz, explanations shown, fits the window and passes axe", async ({ page }) => {
  const { questions } = getSection(QUIZ_SECTION)!.quiz;
  await signUp(page, newLearner());
  await page.goto(`/learn/${QUIZ_SECTION}/quiz`);
  for (const [index, question] of questions.entries()) {
    // The first answer is wrong on purpose so both the right and the wrong styles show.
    const picks = index === 0 ? [question.choices.find((choice) => !question.answer.includes(choice.id))!.id] : question.answer;
    for (const choice of picks) await page.getByTestId(`question-${question.id}`).locator(`input[value="${choice}"]`).check();
  }
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByTestId("explanation")).toHaveCount(questions.length);
  await expectNoHorizontalOverflow(page, "graded quiz");
  await expectAccessible(page, "graded quiz");
});

test("the header's links are reachable from the keyboard, behind a menu button on narrow screens", async ({ page }) => {
  const learner = newLearner();
  await signUp(page, learner);
  const banner = page.getByRole("banner");
  const menuButton = banner.getByRole("button", { name: "Menu" });
  // Tailwind's `sm` breakpoint: below it the header collapses.
  const isNarrow = page.viewportSize()!.width < 640;
  if (!isNarrow) {
    await expect(menuButton).toBeHidden();
  } else {
    await expect(banner.getByRole("link", { name: "Exercises" })).toBeHidden();
    await expect(menuButton).toHaveAttribute("aria-expanded", "false");
    await menuButton.focus();
    await page.keyboard.press("Enter");
    await expect(menuButton).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("Tab");
    await expect(banner.getByRole("link", { name: "Dashboard" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(menuButton).toHaveAttribute("aria-expanded", "false");
    await expect(menuButton).toBeFocused();
    await page.keyboard.press("Enter");
  }
  await expect(banner.getByTestId("signed-in-as")).toHaveText(learner.name);
  await banner.getByRole("link", { name: "Exercises" }).click();
  await expect(page).toHaveURL(/\/exercises$/);
  if (isNarrow) await expect(menuButton).toHaveAttribute("aria-expanded", "false");
});

test("a team's pages, and the instructor's team pages, fit the window and pass axe", async ({ page, browser }) => {
  const learner = newLearner();
  await signUp(page, learner);
  const { cohortId, projectId, teamId } = await seedTeamOf(demoInstructor.email, [learner.email]);
  const ready = { "": "task-board", "/code": "file-version", "/history": null, "/milestones": "milestone", "/contributions": "contributions", "/review": "peer-review-form", "/activity": "activity-feed" } as const;
  for (const [section, testId] of Object.entries(ready)) {
    await page.goto(`/teams/${teamId}${section}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    if (testId) await expect(page.getByTestId(testId).first()).toBeVisible();
    await expectNoHorizontalOverflow(page, `team ${section || "board"}`);
    await expectAccessible(page, `team ${section || "board"}`);
  }
  await page.goto(`/teams/${teamId}`);
  await page.getByRole("button", { name: "Sketch the Book model", exact: true }).click();
  await expect(page.getByTestId("task-dialog")).toBeVisible();
  await expect(page.getByTestId("task-dialog").getByLabel("Title")).toBeVisible();
  await expectAccessible(page, "team task dialog");

  const instructor = await (await browser.newContext({ viewport: page.viewportSize() })).newPage();
  await signIn(instructor, demoInstructor);
  await expect(instructor).toHaveURL(/\/dashboard$/);
  const base = `/instructor/cohorts/${cohortId}/teams`;
  const instructorPages = { [base]: "project-overview", [`${base}/projects/${projectId}`]: "formation-team", [`${base}/${teamId}`]: "task-board", [`${base}/${teamId}/ratings`]: "peer-summary" };
  for (const [path, testId] of Object.entries(instructorPages)) {
    await instructor.goto(path);
    await expect(instructor.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(instructor.getByTestId(testId).first()).toBeVisible();
    await expectNoHorizontalOverflow(instructor, `instructor's ${path}`);
    await expectAccessible(instructor, `instructor's ${path}`);
  }
  await instructor.context().close();
});
