import { getSection, listCodeBlocks } from "@academy/content";
import { expect, test } from "./support/test";

test("a lesson's copy button puts the code block's source on the clipboard", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const [firstBlock] = listCodeBlocks(getSection("5.4")!.body);
  await page.goto("/learn/5.4");
  const block = page.getByTestId("code-block").first();
  const button = block.getByRole("button", { name: "Copy code to clipboard" });
  await button.click();
  await expect(button).toHaveText("Copied ✓");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(firstBlock!.code.replace(/\n$/, ""));
  await expect(button).toHaveText("Copy");
});
