"use client";

import { useRef, useState } from "react";

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

/** Copies the code shown in its figure: the text is read from the page, not sent a second time. */
export function CopyButton() {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await writeClipboard(buttonRef.current?.closest("figure")?.querySelector("pre")?.textContent ?? "");
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 2000);
  }
  return (
    <button
      ref={buttonRef}
      type="button"
      onClick={copy}
      className="rounded px-2 py-0.5 text-xs font-medium text-slate-600 transition hover:bg-slate-200 hover:text-slate-900"
      aria-label="Copy code to clipboard"
    >
      {state === "copied" ? "Copied ✓" : state === "failed" ? "Copy failed" : "Copy"}
    </button>
  );
}
