import { readFile } from "node:fs/promises";
import path from "node:path";

import { examBlueprint, getSection } from "@academy/content";
import { loadExercise } from "@academy/exercises";
import type { Locator, Page } from "@playwright/test";

import { newLearner, signUp } from "./support/accounts";
import { e2eExam } from "./support/stack";
import { expect, test } from "./support/test";

const exercisesDir = path.resolve(import.meta.dirname, "../../exercises");
const ANSWERED = 3;
const GRADING_TIMEOUT = 150_000;
const durationMs = e2eExam.durationMinutes * 60_000;

/** The right choices of a drawn question, from the quiz it comes from ("5.4-some-slug" is in section 5.4). */
function rightAnswer(questionId: string) {
  const section = getSection(questionId.split("-")[0]!)!;
  return section.quiz.questions.find((question) => question.id === questionId)!.answer;
}

async function currentQuestion(page: Page) {
  const question = page.getByTestId("exam-sitting").locator('fieldset[data-testid^="question-"]');
  const id = (await question.getAttribute("data-testid"))!.replace(/^question-/, "");
  return { question, id };
}

/** Picks the right answer of the question in view and waits until the server has it. */
async function answerRightly(page: Page) {
  const { question, id } = await currentQuestion(page);
  const saved = page.waitForResponse((response) => response.url().includes("exam.saveAnswer") && response.ok());
  for (const choice of rightAnswer(id)) {
    await question.locator(`input[value="${choice}"]`).check();
  }
  await saved;
  await expect(page.getByTestId("answer-save-state")).toHaveAttribute("data-state", "saved");
  return id;
}

/** Types each of the exercise's files from its solution folder and waits until the attempt holds the code. */
async function typeSolution(page: Page, panel: Locator, exerciseId: string) {
  const { config } = await loadExercise(path.join(exercisesDir, exerciseId));
  for (const name of config.files) {
    const content = await readFile(path.join(exercisesDir, exerciseId, "solution", name), "utf8");
    // A file the solution leaves as the starter has it already: typing it changes nothing, so nothing is saved.
    const starter = await readFile(path.join(exercisesDir, exerciseId, "starter", name), "utf8").catch(() => null);
    if (content === starter) continue;
    if (config.files.length > 1) await panel.getByRole("tab", { name, exact: true }).click();
    const saved = page.waitForResponse((response) => response.url().includes("exam.savePartBDraft") && response.ok());
    await panel.getByRole("textbox", { name: `Editor: ${name}` }).click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText(content);
    await saved;
  }
  await expect(panel.getByTestId("draft-status")).toHaveAttribute("data-state", "saved");
}

test("a learner sits a whole mock exam: answers and a flag survive a reload, Part B shows received and graded without a score, the clock runs out and the result shows the breakdown and the report", async ({
  page,
}) => {
  // The sitting itself, then the grading and the sweep after it, each with room to spare.
  test.setTimeout(durationMs + 5 * 60_000);
  await signUp(page, newLearner());
  await page.getByRole("banner").getByRole("link", { name: "Exams" }).click();
  await expect(page.getByRole("heading", { name: "Exams", level: 1 })).toBeVisible();
  await expect(page.getByTestId("exam-format")).toContainText(`${examBlueprint.partA.questionCount} questions`);
  await expect(page.getByTestId("exam-duration")).toHaveText(`${e2eExam.durationMinutes} minutes`);
  await page.getByRole("button", { name: "Start a mock exam" }).click();
  await expect(page).toHaveURL(/\/exam\/attempts\/[0-9a-f-]{36}$/);
  const sitting = page.getByTestId("exam-sitting");
  await expect(sitting.getByRole("timer")).toHaveText(/^\d+:\d\d$/);
  await expect(sitting.getByTestId("overview-1")).toBeVisible();

  // Part A: the first questions answered rightly, the last of them flagged for review.
  const answeredIds: string[] = [];
  for (let index = 0; index < ANSWERED; index += 1) {
    if (index > 0) await sitting.getByRole("button", { name: "Next →" }).click();
    answeredIds.push(await answerRightly(page));
  }
  const flagged = page.waitForResponse((response) => response.url().includes("exam.flag") && response.ok());
  await sitting.getByRole("button", { name: "Flag for review", exact: true }).click();
  await flagged;
  await expect(sitting.getByRole("button", { name: "Flagged for review", exact: true })).toHaveAttribute("aria-pressed", "true");

  // Part B: the first exercise's solution, saved with the attempt as it is typed.
  const partBTab = sitting.getByRole("tab", { name: /^Part B · 1\./ });
  const exerciseId = (await partBTab.getAttribute("id"))!.replace(/^tab-part-b-/, "");
  await partBTab.click();
  const panel = sitting.locator(`#panel-part-b-${exerciseId}`);
  await typeSolution(page, panel, exerciseId);

  await page.reload();
  await expect(sitting.getByTestId("answered-count")).toHaveText(`${ANSWERED} of ${examBlueprint.partA.questionCount} answered`);
  for (let number = 1; number <= ANSWERED; number += 1) {
    await expect(sitting.getByTestId(`overview-${number}`)).toHaveAttribute("data-answered", "true");
    await expect(sitting.getByTestId(`overview-${number}`)).toHaveAttribute("data-flagged", number === ANSWERED ? "true" : "false");
  }
  await expect(sitting.getByTestId(`overview-${ANSWERED + 1}`)).toHaveAttribute("data-answered", "false");
  await sitting.getByTestId("overview-1").click();
  for (const choice of rightAnswer(answeredIds[0]!)) {
    await expect(sitting.locator(`fieldset[data-testid="question-${answeredIds[0]}"] input[value="${choice}"]`)).toBeChecked();
  }

  await sitting.getByRole("tab", { name: /^Part B · 1\./ }).click();
  // The code came back from the attempt (a starter submitted instead would not pass below).
  await expect(panel.getByTestId("draft-status")).toHaveText("Saved");
  await panel.getByRole("button", { name: /^Submit/ }).click();
  const state = panel.getByTestId("exam-submission-state");
  await expect(state).toHaveText(/^(Received|Graded)$/);
  await expect(state).toHaveText("Graded", { timeout: GRADING_TIMEOUT });
  // Graded, and nothing says how: no score, no verdict, no test results until the result.
  await expect(panel.getByTestId("submission-score")).toHaveCount(0);
  await expect(panel.getByTestId("test-result")).toHaveCount(0);
  await expect(panel.getByTestId("exam-submission")).not.toContainText(/passed|failed|\d+\s*\/\s*\d+|%/i);

  // The clock runs out with the page open: it says so, and opens the result once the server has submitted the attempt.
  await sitting.getByRole("tab", { name: /^Part A/ }).click();
  await expect(page.getByTestId("time-up")).toBeVisible({ timeout: durationMs + 30_000 });
  await expect(page).toHaveURL(/\/result$/, { timeout: 60_000 });

  const result = page.getByTestId("exam-result");
  await expect(result).toHaveAttribute("data-grading", "final", { timeout: GRADING_TIMEOUT });
  await expect(page.getByTestId("result-expired")).toBeVisible();
  await expect(page.getByTestId("result-part-a")).toHaveText(`${ANSWERED} / ${examBlueprint.partA.questionCount}`);
  // Part A's share weighted, plus one of the Part B exercises at full marks and the other not submitted.
  const { partA, partB } = examBlueprint;
  const expected = Math.round(((100 * ANSWERED) / partA.questionCount) * partA.weightPercent) / 100 + partB.weightPercent / partB.exercises.length;
  await expect(page.getByTestId("result-score")).toHaveText(`${expected}%`);
  await expect(page.getByTestId("result-verdict")).toHaveAttribute("data-verdict", "failed");
  await expect(page.getByTestId("chapter-breakdown").locator('tr[data-testid^="chapter-row-"]')).toHaveCount(partA.chapters.length);
  await expect(page.getByTestId("chapter-chart")).toBeVisible();
  await expect(page.getByTestId("weakest-chapters").getByRole("link").first()).toHaveAttribute("href", /^\/learn\/\d+\.\d+/);
  await expect(page.getByTestId("explanation")).toHaveCount(partA.questionCount);
  await expect(page.locator('[data-testid^="result-question-"][data-result="correct"]')).toHaveCount(ANSWERED);

  const report = page.getByTestId(`result-exercise-${exerciseId}`);
  await expect(report.getByTestId("feedback-panel")).toHaveAttribute("data-status", "passed");
  await expect(report.getByTestId("test-result").first()).toBeVisible();
  await expect(report.locator('[data-testid="test-result"]:not([data-status="passed"])')).toHaveCount(0);
  await expect(page.locator('[data-testid^="result-exercise-"][data-grading="not-submitted"]')).toHaveCount(1);

  await page.getByRole("link", { name: "Exams" }).first().click();
  await expect(page.getByTestId("exam-history-row").first()).toHaveAttribute("data-status", "expired");
  await expect(page.getByTestId("exam-history-score").first()).toHaveText(`${expected}%`);
  await expect(page.getByTestId("exam-trend")).toBeVisible();
});
