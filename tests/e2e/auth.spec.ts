
import { demoInstructor, newLearner, signIn, signUp } from "./support/accounts";
import { expect, test } from "./support/test";

test("a new user signs up, signs out, signs in and sees the dashboard", async ({ page }) => {
  const learner = newLearner();
  await signUp(page, learner);
  await expect(page.getByRole("heading", { name: `Welcome to FastAPI Academy, ${learner.name}` })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdashboard/);

  await signIn(page, learner);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("signed-in-as")).toHaveText(learner.name);
  await expect(page.getByTestId("figure-lessons-read")).toHaveText("0");
});

test("a learner is refused the instructor page", async ({ page }) => {
  await signUp(page, newLearner());
  await expect(page.getByRole("link", { name: "Instructor" })).toHaveCount(0);
  await page.goto("/instructor");
  await expect(page.getByTestId("access-denied")).toContainText("Only instructors can open this page.");

  const response = await page.request.get("/api/trpc/cohort.list");
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain("Only instructors can open this page.");
});

test("the demo instructor sees their cohort", async ({ page }) => {
  await signIn(page, demoInstructor);
  await page.getByRole("link", { name: "Instructor" }).click();
  await expect(page.getByRole("link", { name: "Demo cohort · Autumn" })).toBeVisible();
});

test("a wrong password shows an error and creates no session", async ({ page, context }) => {
  const learner = newLearner();
  await signUp(page, learner);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();

  await signIn(page, { email: learner.email, password: "not-the-password-1" });
  await expect(page.getByTestId("form-error")).toContainText(/invalid email or password/i);
  await expect(page).toHaveURL(/\/sign-in/);
  const cookies = await context.cookies();
  expect(cookies.some((cookie) => cookie.name.includes("session_token") && cookie.value)).toBe(false);
  const response = await page.request.get("/api/trpc/dashboard.summary");
  expect(response.status()).toBe(401);
});

test("signing up with a weak password or a taken email explains why", async ({ page }) => {
  const learner = newLearner();
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(learner.name);
  await page.getByLabel("Email").fill(learner.email);
  await page.getByLabel("Password").fill("password12");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("form-error")).toContainText("Password too weak");

  await page.getByLabel("Email").fill(demoInstructor.email);
  await page.getByLabel("Password").fill("a-strong-pass-77");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("form-error")).toContainText(/already exists/i);
});

test("after five wrong passwords the account waits, whatever address the attempts claim", async ({ page, baseURL }) => {
  const learner = newLearner();
  await signUp(page, learner);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();

  for (let i = 1; i <= 5; i++) {
    const response = await page.request.post("/api/auth/sign-in/email", {
      data: { email: learner.email, password: `wrong-pass-${i}-42` },
      headers: { origin: baseURL ?? "", "x-forwarded-for": `198.51.100.${i}`, "x-academy-client-address": `203.0.113.${i}` },
    });
    expect(response.status()).toBe(401);
  }

  await signIn(page, learner);
  await expect(page.getByTestId("form-error")).toHaveText("Too many failed sign-ins for this account. Try again in 1 minute.");
  await expect(page).toHaveURL(/\/sign-in/);
  const response = await page.request.get("/api/trpc/dashboard.summary");
  expect(response.status()).toBe(401);
});

test("signing in follows a path on this site only", async ({ page }) => {
  const learner = newLearner();
  await signUp(page, learner);
  for (const [next, landing] of [
    ["/\\evil.example", "/dashboard"],
    ["/learn", "/learn"],
  ] as const) {
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Email").fill(learner.email);
    await page.getByLabel("Password").fill(learner.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`^http://localhost:\\d+${landing}$`));
  }
});
