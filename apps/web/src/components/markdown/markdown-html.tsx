"use client";

import { copyCode } from "./copy-code";
import type { MarkdownVariant } from "./prose-classes";
import { variantClasses } from "./prose-classes";

type Props = { html: string; variant: MarkdownVariant; className?: string };

/** Rendered Markdown in its variant's typography. The HTML is made once per text (see `markdown.tsx`),
 * so the page only carries a string; one click handler serves its code blocks' copy buttons. */
export function MarkdownHtml({ html, variant, className = "" }: Props) {
  function handleClick(event: React.MouseEvent) {
    const copyButton = (event.target as HTMLElement).closest<HTMLButtonElement>("button[data-copy-code]");
    if (copyButton) void copyCode(copyButton);
  }
  const Tag = variant === "inline" ? "span" : "div";
  return <Tag className={`${variantClasses[variant]} ${className}`} onClick={handleClick} dangerouslySetInnerHTML={{ __html: html }} />;
}
