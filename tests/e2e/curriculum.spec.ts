import { getSection } from "@academy/content";

import { newLearner, signUp } from "./support/accounts";
import { expect, test } from "./support/test";

const quiz = getSection("2.3")!.quiz;
const [firstQuestion] = quiz.questions;
const wrongChoice = firstQuestion!.choices.find((choice) => !firstQuestion!.answer.includes(choice.id))!.id;

test("a new learner reads a lesson, finds it by search, takes its quiz and sees the progress", async ({ page }) => {
  test.setTimeout(120_000);
  const learner = newLearner();
  await signUp(page, learner);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welcome to FastAPI Academy, ${learner.name}`);

  // The curriculum, from the site header.
  await page.getByRole("banner").getByRole("link", { name: "Learn", exact: true }).click();
  await expect(page).toHaveURL(/\/learn$/);
  await expect(page.getByRole("heading", { name: "Core Concepts" })).toBeVisible();
  await expect(page.locator('[data-testid^="section-"]')).toHaveCount(48);
  await expect(page.getByTestId("read-tick")).toHaveCount(0);

  // Read lesson 2.3: table of contents, highlighted code with copy buttons, related exercises.
  await page.getByRole("link", { name: /2\.3 Dependency Injection/ }).click();
  await expect(page).toHaveURL(/\/learn\/2\.3$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Dependency Injection");
  const toc = page.getByRole("navigation", { name: "On this page" }).first();
  await toc.getByRole("link", { name: "Common mistakes" }).click();
  await expect(page).toHaveURL(/#common-mistakes$/);
  await expect(page.locator("h2#common-mistakes")).toBeInViewport();
  const codeBlock = page.getByTestId("code-block").first();
  await expect(codeBlock.locator("pre.shiki")).toBeVisible();
  await expect(codeBlock.getByRole("button", { name: "Copy code to clipboard" })).toBeVisible();
  await expect(page.getByTestId("related-exercises").getByRole("link").first()).toHaveAttribute("href", /^\/exercises\/[a-z0-9-]+$/);
  await expect(page.getByRole("link", { name: /Next →\s*2\.4 Routing and Path Operations/ })).toBeVisible();

  await page.getByRole("button", { name: "Mark as read" }).click();
  await expect(page.getByTestId("mark-read")).toHaveText("✓ Read · mark as unread");
  await page.reload();
  await expect(page.getByTestId("mark-read")).toHaveAttribute("aria-pressed", "true");

  // Full-text search from the curriculum page.
  await page.goto("/learn");
  await expect(page.getByTestId("section-2.3").getByTestId("read-tick")).toBeVisible();
  await page.getByRole("searchbox", { name: "Search lessons" }).fill("dependency injection");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/learn\/search\?q=dependency\+injection/);
  const firstResult = page.getByTestId("search-result").first();
  await expect(firstResult).toContainText("2.3 Dependency Injection");
  await firstResult.getByRole("link").click();
  await expect(page).toHaveURL(/\/learn\/2\.3$/);

  // The quiz: nothing of the answers reaches the browser before submission.
  await page.getByRole("link", { name: "Take the quiz" }).click();
  await expect(page).toHaveURL(/\/learn\/2\.3\/quiz$/);
  await expect(page.getByRole("heading", { name: "Quiz: Dependency Injection" })).toBeVisible();
  expect(await page.content()).not.toContain(firstQuestion!.explanation.slice(0, 60));
  const submit = page.getByRole("button", { name: /Submit answers|Answer every question/ });
  await expect(submit).toBeDisabled();
  for (const question of quiz.questions) {
    const picks = question === firstQuestion ? [wrongChoice] : question.answer;
    const fieldset = page.getByTestId(`question-${question.id}`);
    for (const choice of picks) await fieldset.locator(`input[value="${choice}"]`).check();
  }
  await expect(submit).toBeEnabled();
  await submit.click();

  const total = quiz.questions.length;
  await expect(page.getByTestId("quiz-score")).toHaveText(`${total - 1} / ${total}`);
  await expect(page.getByTestId(`question-${firstQuestion!.id}`)).toHaveAttribute("data-result", "incorrect");
  await expect(page.locator('[data-result="correct"]')).toHaveCount(total - 1);
  await expect(page.getByTestId("explanation")).toHaveCount(total);
  await expect(page.getByTestId(`question-${firstQuestion!.id}`).getByTestId("explanation")).toContainText(/design pattern/);
  await expect(page.getByTestId("attempts-best")).toHaveText(`${total - 1} / ${total}`);

  // The dashboard shows the lesson read and the quiz score.
  await page.getByRole("banner").getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welcome back, ${learner.name}`);
  await expect(page.getByTestId("figure-lessons-read")).toHaveText("1");
  await expect(page.getByTestId("curriculum-totals")).toContainText("1 of 48 lessons read · 1 quiz passed");
  await expect(page.getByTestId("curriculum-chapter-2")).toContainText("1/5 read · 1 quiz passed");
  await expect(page.getByTestId("quiz-score-2.3")).toContainText(`Quiz ${total - 1}/${total}`);
  await expect(page.getByTestId("curriculum-continue")).toContainText("2.4 Routing and Path Operations");
});

test("a visitor can read the curriculum, and the quiz asks them to sign in", async ({ page }) => {
  await page.goto("/learn/1.1");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("What is FastAPI?");
  await expect(page.getByRole("link", { name: "Sign in to track progress" })).toBeVisible();
  await page.goto("/learn/1.1/quiz");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Flearn%2F1\.1%2Fquiz/);
  const missing = await page.goto("/learn/9.9");
  expect(missing?.status()).toBe(404);
});

test("an unknown address shows a 404 page with the site's navigation and a way on; the site has an icon", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page does not exist");
  await expect(page).toHaveTitle(/Page not found/);
  await expect(page.getByRole("banner").getByRole("link", { name: "Learn", exact: true })).toBeVisible();
  await page.getByTestId("not-found").getByRole("searchbox", { name: "Search lessons" }).fill("middlew");
  await page.getByTestId("not-found").getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/learn\/search\?q=middlew$/);
  await expect(page.getByTestId("search-result").first()).toContainText("4.2 Middleware");

  await page.goto("/learn/search?q=zzzqqq+nothing");
  await expect(page.getByTestId("search-result")).toHaveCount(0);

  const icon = await page.locator('head link[rel="icon"]').first().getAttribute("href");
  expect(icon).toBeTruthy();
  const iconResponse = await page.request.get(icon!);
  expect(iconResponse.status()).toBe(200);
  expect(iconResponse.headers()["content-type"]).toContain("image/svg+xml");
});
