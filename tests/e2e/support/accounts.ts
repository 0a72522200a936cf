import { randomUUID } from "node:crypto";

import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";

export const demoInstructor = { email: "instructor@academy.test", password: "instructor-pass-1" };

export function newLearner() {
  const id = randomUUID().slice(0, 8);
  return { name: `Learner ${id}`, email: `learner-${id}@example.test`, password: `good-pass-${id}-42` };
}

export async function signUp(page: Page, learner: ReturnType<typeof newLearner>) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(learner.name);
  await page.getByLabel("Email").fill(learner.email);
  await page.getByLabel("Password").fill(learner.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

export async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
