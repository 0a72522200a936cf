import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

import { FINAL_STATUSES } from "@academy/submission-lifecycle/statuses";
import type { Page } from "@playwright/test";

import { demoInstructor, newLearner, signIn } from "./support/accounts";
import { expect, test } from "./support/test";

const EXERCISE = "basic-greeting-api";
const solution = readFileSync(path.resolve(import.meta.dirname, "../../exercises", EXERCISE, "solution/main.py"), "utf8");
// Passes every test but the hidden one on `shout`: a partial score, not a pass.
const withoutShout = solution.replace("message.upper() if shout else message", "message");
const GRADING_TIMEOUT = 150_000;
const FINAL = new RegExp(`^(${[...FINAL_STATUSES].join("|")})$`);

/** Puts the code in the editor as a paste would, waits for its draft to be saved, submits and waits for the grade. */
async function submitCode(page: Page, code: string) {
  const editor = page.getByRole("textbox", { name: "Editor: main.py" });
  await expect(editor).toBeVisible();
  const draftSaved = page.waitForResponse((response) => response.url().includes("draft.save") && response.ok());
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(code);
  await draftSaved;
  await page.getByRole("button", { name: /^Submit/ }).click();
  const panel = page.getByTestId("feedback-panel");
  await expect(panel).toHaveAttribute("data-status", FINAL, { timeout: GRADING_TIMEOUT });
  return panel;
}

test("an instructor creates a cohort, a learner joins by the invite link and submits, the gradebook updates live, and the instructor comments and downloads the CSV", async ({ browser }) => {
  test.setTimeout(600_000);
  const instructorContext = await browser.newContext();
  const learnerContext = await browser.newContext();
  const instructor = await instructorContext.newPage();
  const learnerPage = await learnerContext.newPage();
  const learner = newLearner();
  const cohortName = `Evening cohort ${randomUUID().slice(0, 8)}`;

  await test.step("the instructor creates a cohort and copies its invite link", async () => {
    await signIn(instructor, demoInstructor);
    await expect(instructor).toHaveURL(/\/dashboard$/);
    await instructor.getByRole("banner").getByRole("link", { name: "Instructor" }).click();
    await instructor.getByLabel("Name", { exact: true }).fill(cohortName);
    await instructor.getByRole("button", { name: "Create cohort" }).click();
    await instructor.getByRole("link", { name: cohortName }).click();
    await expect(instructor.getByRole("heading", { name: cohortName, level: 1 })).toBeVisible();
    await expect(instructor.getByTestId("gradebook-row")).toHaveCount(0);
  });
  const cohortPath = new URL(instructor.url()).pathname;
  const inviteLink = await instructor.getByTestId("invite-link").inputValue();
  const inviteCode = await instructor.getByTestId("invite-code").textContent();
  expect(new URL(inviteLink).pathname).toBe(`/join/${inviteCode}`);

  await test.step("a learner without an account opens the link, signs up, comes back and joins", async () => {
    await learnerPage.goto(new URL(inviteLink).pathname);
    await learnerPage.getByTestId("join-sign-in").getByRole("link", { name: "Create an account" }).click();
    await learnerPage.getByLabel("Name").fill(learner.name);
    await learnerPage.getByLabel("Email").fill(learner.email);
    await learnerPage.getByLabel("Password").fill(learner.password);
    await learnerPage.getByRole("button", { name: "Create account" }).click();
    await expect(learnerPage).toHaveURL(new RegExp(`/join/${inviteCode}$`));
    await learnerPage.getByRole("button", { name: "Join the cohort" }).click();
    await expect(learnerPage.getByTestId("join-result")).toContainText(cohortName);
  });

  const row = instructor.getByTestId("gradebook-row").filter({ hasText: learner.name });
  const cell = row.locator(`[data-testid="gradebook-cell"][data-exercise-id="${EXERCISE}"]`);
  await test.step("the instructor's dashboard, opened once, lists the learner with nothing submitted", async () => {
    await instructor.reload();
    await expect(cell).toHaveAttribute("data-attempts", "0");
    // Gone if the page reloads: it proves what follows arrives without one.
    await instructor.evaluate(() => Object.assign(window, { openedBeforeTheSubmission: true }));
  });

  let score = "";
  await test.step("the learner submits a partial solution and the gradebook cell updates live", async () => {
    await learnerPage.goto(`/exercises/${EXERCISE}`);
    const panel = await submitCode(learnerPage, withoutShout);
    await expect(panel).toHaveAttribute("data-status", "failed");
    score = /Score ([\d.]+) \/ /.exec((await learnerPage.getByTestId("submission-score").textContent()) ?? "")?.[1] ?? "";
    expect(Number(score)).toBeGreaterThan(0);
    await expect(cell).toHaveAttribute("data-attempts", "1", { timeout: 30_000 });
    await expect(cell).toHaveAttribute("data-best-score", score);
    expect(await instructor.evaluate(() => "openedBeforeTheSubmission" in window)).toBe(true);
    await expect(instructor.getByTestId("headline-submissions")).toHaveText("1");
  });

  const comment = `Look at the shout parameter again (${randomUUID().slice(0, 6)}).`;
  await test.step("the instructor opens the submission behind the cell and leaves a comment", async () => {
    await cell.click({ timeout: 30_000 });
    await expect(instructor.getByRole("heading", { level: 1 })).toContainText(learner.name);
    await expect(instructor.getByRole("textbox", { name: "Submitted main.py" })).toContainText("def hello");
    await expect(instructor.getByTestId("submission-score")).toContainText(score);
    await instructor.getByLabel("Comment for the learner").fill(comment);
    await instructor.getByRole("button", { name: "Add comment" }).click();
    await expect(instructor.getByTestId("submission-comment")).toContainText(comment);
  });

  await test.step("the learner finds the comment in their history", async () => {
    await learnerPage.reload();
    await learnerPage.getByRole("tab", { name: "History" }).click();
    const attempt = learnerPage.getByTestId("history-row");
    await expect(attempt).toHaveCount(1);
    await expect(attempt.getByTestId("comment-count")).toHaveText(/1 comment/);
    await attempt.getByRole("button").first().click();
    await expect(learnerPage.getByTestId("submission-comment")).toContainText(comment);
    await expect(learnerPage.getByTestId("submission-comment")).toContainText("Instructor");
  });

  await test.step("the instructor downloads the gradebook as CSV", async () => {
    await instructor.goto(cohortPath);
    const [download] = await Promise.all([instructor.waitForEvent("download"), instructor.getByRole("link", { name: "Download CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/gradebook\.csv$/);
    const lines = readFileSync(await download.path(), "utf8").trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^Learner,Email,Total score,Points possible,/);
    expect(lines[0]).toContain("Your first FastAPI application");
    // One learner: the header and their line, which starts with their total (this one score) and holds the cell's best and attempts.
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`^${learner.name},${learner.email},${score},`));
    expect(lines[1]).toMatch(new RegExp(`,${score.replace(".", "\\.")},1(,|$)`));
  });

  await instructorContext.close();
  await learnerContext.close();
});
