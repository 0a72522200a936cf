async function writeClipboard(text: string) {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text);
  // Older browsers and non-secure origins have no async clipboard.
  const area = document.createElement("textarea");
  area.value = text;
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  document.execCommand("copy");
  area.remove();
}

/** Copies the code of the button's code block, read from the page, and says so on the button for 2 s. */
export async function copyCode(button: HTMLButtonElement) {
  try {
    await writeClipboard(button.closest("figure")?.querySelector("pre")?.textContent ?? "");
    button.textContent = "Copied ✓";
  } catch {
    button.textContent = "Copy failed";
  }
  setTimeout(() => (button.textContent = "Copy"), 2000);
}
