import type { Page } from "@playwright/test";

import { newLearner, signUp } from "./support/accounts";
import { closeDb, seedGraderFailure } from "./support/database";
import { expect, test } from "./support/test";

const EXERCISE = "basic-greeting-api";

/** The tRPC procedures the browser calls from now on (a batch names several, comma-separated). */
function recordTrpcCalls(page: Page) {
  const calls: string[] = [];
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith("/api/trpc/")) calls.push(...decodeURIComponent(pathname.slice("/api/trpc/".length)).split(","));
  });
  return calls;
}

test.afterAll(closeDb);

test("pages hand the browser what the server read: the workspace, a lesson, its quiz and the dashboard ask the API nothing on load", async ({ page }) => {
  const learner = newLearner();
  await signUp(page, learner);
  // A finished attempt: the workspace shows its feedback, the history lists it.
  const attempt = await seedGraderFailure(learner.email, EXERCISE);
  const calls = recordTrpcCalls(page);

  await page.goto(`/exercises/${EXERCISE}`);
  const feedback = page.getByTestId("feedback-panel");
  await expect(feedback).toHaveAttribute("data-submission-id", attempt.id);
  await expect(feedback).toHaveAttribute("data-status", "error");
  await page.getByRole("tab", { name: "History" }).click();
  await expect(page.getByTestId("history-row")).toHaveCount(1);
  await page.waitForLoadState("networkidle");
  expect(calls.filter((call) => ["exercise.get", "draft.get", "submission.list", "submission.get"].includes(call))).toEqual([]);

  // The recorder sees the browser's calls: a change of the code is saved through the API.
  const saved = page.waitForResponse((response) => response.url().includes("draft.save") && response.ok());
  await page.getByRole("tab", { name: "Task" }).click();
  await page.getByRole("textbox", { name: "Editor: main.py" }).click();
  await page.keyboard.insertText("# a change\n");
  await saved;
  await expect(page.getByTestId("draft-status")).toHaveAttribute("data-state", "saved");
  expect(calls).toContain("draft.save");

  calls.length = 0;
  await page.goto("/learn/1.1");
  const markRead = page.getByTestId("mark-read");
  await expect(markRead).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByTestId("lesson-read")).toHaveCount(0);
  await page.waitForLoadState("networkidle");
  expect(calls.filter((call) => call.startsWith("lesson.") || call.startsWith("curriculum."))).toEqual([]);
  // The button and the header's mark read one query: marking the lesson updates both, nothing is read again.
  await markRead.click();
  await expect(markRead).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("lesson-read")).toBeVisible();
  expect(calls).toEqual(["lesson.markRead"]);

  calls.length = 0;
  await page.goto("/learn/1.1/quiz");
  await expect(page.getByTestId("quiz-attempts")).toContainText("No attempts yet");
  await page.waitForLoadState("networkidle");
  expect(calls.filter((call) => call.startsWith("quiz."))).toEqual([]);

  calls.length = 0;
  await page.goto("/dashboard");
  await expect(page.getByTestId("practice-progress")).toContainText("Your first FastAPI application");
  await page.waitForLoadState("networkidle");
  expect(calls.filter((call) => ["dashboard.summary", "exercise.progress", "curriculum.progress"].includes(call))).toEqual([]);
});
