import { readFileSync } from "node:fs";
import path from "node:path";

import { listHeadlineGraderVersions } from "@academy/content";
import { FINAL_STATUSES } from "@academy/submission-lifecycle/statuses";
import type { Page } from "@playwright/test";

import { newLearner, signUp } from "./support/accounts";
import { closeDb, seedGraderFailure } from "./support/database";
import { pauseGrader, resumeGrader } from "./support/grader";
import { expect, test } from "./support/test";

const EXERCISE = "basic-greeting-api";
const exerciseDir = path.resolve(import.meta.dirname, "../../exercises", EXERCISE);
const solution = readFileSync(path.join(exerciseDir, "solution/main.py"), "utf8");
// Passes the visible tests, fails the hidden test of `shout`.
const withoutShout = solution.replace("message.upper() if shout else message", "message");
const syntaxError = 'from fastapi import FastAPI\napp = FastAPI(\n\n@app.get("/")\ndef root():\n    return {}\n';
const screenshots = path.resolve(import.meta.dirname, "../artifacts/screenshots");
const GRADING_TIMEOUT = 150_000;

/**
 * Runs a change of the editor's code (it must differ from the saved draft) and waits until the
 * draft holding it is saved: the save's response, then the indicator. (Watching the indicator
 * leave "saved" and come back would count on the test seeing the second between them.)
 */
async function changeCodeAndWaitForSave(page: Page, change: () => Promise<void>) {
  const saved = page.waitForResponse((response) => response.url().includes("draft.save") && response.ok());
  await change();
  await saved;
  await expect(page.getByTestId("draft-status")).toHaveAttribute("data-state", "saved");
}

/** Replaces the editor's whole content as typed input; insertText skips CodeMirror's auto-indent, as a paste would. */
async function typeCode(page: Page, code: string) {
  await changeCodeAndWaitForSave(page, async () => {
    await page.getByRole("textbox", { name: "Editor: main.py" }).click();
    await page.keyboard.press("ControlOrMeta+A");
    if (code === "") await page.keyboard.press("Delete");
    else await page.keyboard.insertText(code);
  });
}

const FINAL = new RegExp(`^(${[...FINAL_STATUSES].join("|")})$`);

/** Clicks Submit, waits for the final status and checks it is the expected one. */
async function submitAndWait(page: Page, status: "passed" | "failed" | "error") {
  const panel = page.getByTestId("feedback-panel");
  const before = (await panel.count()) > 0 ? await panel.getAttribute("data-submission-id") : null;
  const started = Date.now();
  await page.getByRole("button", { name: /^Submit/ }).click();
  if (before) await expect(panel).not.toHaveAttribute("data-submission-id", before);
  await expect(panel).toHaveAttribute("data-status", FINAL, { timeout: GRADING_TIMEOUT });
  const received = await panel.getAttribute("data-status");
  console.log(`submit→result ms: ${Date.now() - started} (${received})`);
  expect(received).toBe(status);
}

test.afterEach(resumeGrader);
test.afterAll(closeDb);

test("a learner solves an exercise, sees failing and broken attempts explained, and finds every attempt in the history", async ({ page }) => {
  test.setTimeout(600_000);
  await signUp(page, newLearner());
  await page.getByRole("banner").getByRole("link", { name: "Exercises" }).click();
  await expect(page.getByRole("heading", { name: "Exercises", level: 1 })).toBeVisible();
  const row = page.getByTestId(`exercise-row-${EXERCISE}`);
  await expect(row).toContainText("Not started");
  await row.getByRole("link").click();

  await expect(page.getByRole("heading", { name: "Your first FastAPI application", level: 1 })).toBeVisible();
  const task = page.getByRole("tabpanel");
  await expect(task.getByRole("heading", { name: "GET /hello/{name}" })).toBeVisible();
  await expect(task.getByTestId("code-block").first()).toContainText("GET /hello/Ada");
  await page.getByRole("tab", { name: "Visible tests" }).click();
  await expect(page.getByRole("textbox", { name: "Visible test: test_basics_visible.py" })).toContainText("def test_root(client):");
  await page.getByRole("tab", { name: "Task" }).click();

  await typeCode(page, solution);
  await page.screenshot({ path: path.join(screenshots, "practice-workspace.png"), fullPage: true });
  await submitAndWait(page, "passed");
  const results = page.getByTestId("test-result");
  await expect(results.first()).toBeVisible();
  expect(await results.count()).toBeGreaterThanOrEqual(10);
  await expect(page.locator('[data-testid="test-result"]:not([data-status="passed"])')).toHaveCount(0);
  await expect(page.locator('[data-testid="test-result"][data-visibility="hidden"]').first()).toBeVisible();
  await expect(page.getByTestId("submission-score")).toHaveText("Score 10 / 10");
  await page.getByTestId("feedback-panel").screenshot({ path: path.join(screenshots, "practice-feedback-passed.png") });

  await typeCode(page, withoutShout);
  await submitAndWait(page, "failed");
  const shout = page.locator('[data-testid="test-result"][data-visibility="hidden"][data-status="failed"]');
  await expect(shout).toHaveCount(1);
  await expect(shout).toContainText("test_hello_shout");
  await expect(shout.getByTestId("test-message")).toContainText("Summary: with shout=true the message should be upper-case");
  await expect(shout).not.toContainText("client.get");
  await page.getByTestId("feedback-panel").screenshot({ path: path.join(screenshots, "practice-feedback-failed.png") });

  await typeCode(page, syntaxError);
  await submitAndWait(page, "error");
  await expect(page.getByTestId("outcome-headline")).toContainText("could not be run");
  await expect(page.getByTestId("error-location")).toContainText("main.py, line 2");
  await expect(page.getByTestId("report-output")).toContainText("SyntaxError in main.py, line 2");
  await page.getByTestId("feedback-panel").screenshot({ path: path.join(screenshots, "practice-feedback-error.png") });
  await page.getByRole("button", { name: "Show it in the editor" }).click();
  await expect(page.getByRole("textbox", { name: "Editor: main.py" }).locator(".cm-activeLine")).toHaveText("app = FastAPI(");

  await page.getByRole("tab", { name: "History" }).click();
  const history = page.getByTestId("history-row");
  await expect(history).toHaveCount(3);
  await expect(history.nth(0).getByTestId("submission-status-badge")).toHaveText("Code error");
  await expect(history.nth(1)).toContainText("Failed");
  await expect(history.filter({ hasText: "Passed" })).toContainText("10 / 10");
  await history.nth(0).getByRole("button").click();
  await page.getByRole("tab", { name: "Changes since previous attempt" }).click();
  await expect(page.getByTestId("code-diff").locator('[data-kind="added"]').first()).toContainText("app = FastAPI(");
  await page.getByRole("tab", { name: "Code" }).click();
  await expect(page.getByRole("textbox", { name: "Submitted main.py" })).toContainText("app = FastAPI(");
  await page.screenshot({ path: path.join(screenshots, "practice-history.png"), fullPage: true });

  await page.reload();
  await expect(page.getByRole("textbox", { name: "Editor: main.py" })).toContainText("app = FastAPI(");
  await expect(page.getByRole("textbox", { name: "Editor: main.py" })).not.toContainText("Greeting API");
  await expect(page.getByTestId("feedback-panel")).toHaveAttribute("data-status", "error");

  await page.goto("/exercises");
  await expect(page.getByTestId(`exercise-row-${EXERCISE}`)).toContainText("Passed");
  await expect(page.getByTestId(`exercise-row-${EXERCISE}`)).toContainText("10 / 10");
  await page.getByLabel("Status").selectOption("passed");
  await expect(page.locator('[data-testid^="exercise-row-"]')).toHaveCount(1);
  await page.screenshot({ path: path.join(screenshots, "practice-catalogue.png"), fullPage: true });
  await page.goto("/dashboard");
  await expect(page.getByTestId("practice-progress")).toContainText(/1 of \d+ exercises passed/);
  await expect(page.getByTestId("practice-progress")).toContainText("Your first FastAPI application");
  await page.screenshot({ path: path.join(screenshots, "practice-dashboard.png"), fullPage: true });
});

test("API errors are explained without losing the code; reset asks first; Ctrl+Enter submits", async ({ page }) => {
  test.setTimeout(300_000);
  await signUp(page, newLearner());
  await page.goto(`/exercises/${EXERCISE}`);
  const editor = page.getByRole("textbox", { name: "Editor: main.py" });

  await typeCode(page, "");
  await page.getByRole("button", { name: /^Submit/ }).click();
  await expect(page.getByTestId("action-error")).toHaveText("Your code is empty: write your solution before submitting.");

  await page.getByRole("button", { name: "Reset to starter" }).click();
  await page.getByRole("alertdialog", { name: "Reset to starter" }).getByRole("button", { name: "Cancel" }).click();
  await expect(editor).not.toContainText("TODO");
  await page.getByRole("button", { name: "Reset to starter" }).click();
  await changeCodeAndWaitForSave(page, () => page.getByRole("alertdialog", { name: "Reset to starter" }).getByRole("button", { name: "Yes, reset" }).click());
  await expect(editor).toContainText("# TODO: GET /health");

  await typeCode(page, solution);
  // A second submission while the first is still being graded: the grader is held, not raced.
  await pauseGrader();
  await editor.click();
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(page.getByTestId("feedback-panel")).toHaveAttribute("data-status", "queued");
  await page.getByRole("button", { name: /^Submit/ }).click();
  await expect(page.getByTestId("action-error")).toContainText("still being graded");
  await expect(editor).toContainText('app = FastAPI(title="Greeting API", version="1.0.0")');
  resumeGrader();
  await expect(page.getByTestId("feedback-panel")).toHaveAttribute("data-status", "passed", { timeout: GRADING_TIMEOUT });

  await page.getByRole("button", { name: "Run visible tests" }).click();
  await expect(page.getByTestId("feedback-panel")).toContainText("Visible tests only");
  await expect(page.getByTestId("feedback-panel")).toHaveAttribute("data-status", "passed", { timeout: GRADING_TIMEOUT });
  await expect(page.locator('[data-testid="test-result"][data-visibility="hidden"]')).toHaveCount(0);
});

test("an exercise with several files has a tab per file, and write-tests exercises show the app under test", async ({ page }) => {
  await signUp(page, newLearner());
  await page.goto("/exercises/bookmarks-rest-api");
  const files = page.getByRole("tablist", { name: "Your files" });
  await expect(files.getByRole("tab")).toHaveText(["main.py", "schemas.py", "storage.py", "routers_bookmarks.py"]);
  await files.getByRole("tab", { name: "schemas.py" }).click();
  await expect(page.getByRole("textbox", { name: "Editor: schemas.py" })).toContainText("BaseModel");

  await page.goto("/exercises/price-quote-unit-tests");
  await expect(page.getByRole("tablist", { name: "Your files" }).getByRole("tab")).toHaveText(["test_main.py"]);
  await page.getByRole("tab", { name: "App under test" }).click();
  await expect(page.getByRole("textbox", { name: "App under test: main.py" })).toContainText("FastAPI");
});

test("an exercise page names the grader's versions and links to the note about them", async ({ page }) => {
  await signUp(page, newLearner());
  await page.goto(`/exercises/${EXERCISE}`);
  const versions = listHeadlineGraderVersions().map(({ name, version }) => `${name} ${version}`).join(", ");
  await expect(page.getByText(`Graded with ${versions}.`)).toBeVisible();
  await page.getByRole("link", { name: "About the versions" }).click();
  await expect(page).toHaveURL(/\/learn\/1\.4#7-about-the-versions$/);
  await expect(page.getByRole("heading", { name: "7. About the versions" })).toBeVisible();
});

test("a grader failure reads apart from an error in the learner's code, in the workspace, the history and the dashboard", async ({ page }) => {
  const learner = newLearner();
  await signUp(page, learner);
  // The grader failing after its retries cannot be made to happen from the browser: the test stores its outcome.
  await seedGraderFailure(learner.email, EXERCISE);

  await page.goto(`/exercises/${EXERCISE}`);
  const panel = page.getByTestId("feedback-panel");
  await expect(panel.getByTestId("submission-status-badge")).toHaveText("Not graded");
  await expect(panel.getByTestId("outcome")).toHaveAttribute("data-kind", "grader-fault");
  await expect(panel.getByTestId("outcome")).toContainText("the grader failed, not your code");
  await expect(panel.getByTestId("outcome")).toContainText("submit it again");
  await panel.screenshot({ path: path.join(screenshots, "practice-feedback-grader-fault.png") });

  await typeCode(page, syntaxError);
  await submitAndWait(page, "error");
  await expect(panel.getByTestId("submission-status-badge")).toHaveText("Code error");
  await expect(panel.getByTestId("outcome")).toHaveAttribute("data-kind", "code-error");
  await page.getByTestId("feedback-panel").screenshot({ path: path.join(screenshots, "practice-feedback-code-error.png") });

  await page.getByRole("tab", { name: "History" }).click();
  const history = page.getByTestId("history-row");
  await expect(history).toHaveCount(2);
  await expect(history.nth(0).getByTestId("submission-status-badge")).toHaveText("Code error");
  await expect(history.nth(1).getByTestId("submission-status-badge")).toHaveText("Not graded");
  await expect(history.nth(1)).toContainText("submit again");

  await page.goto("/dashboard");
  const recent = page.getByTestId("practice-progress").getByTestId("submission-status-badge");
  await expect(recent).toHaveText(["Code error", "Not graded"]);
  await page.getByTestId("practice-progress").screenshot({ path: path.join(screenshots, "dashboard-grader-fault.png") });
});
