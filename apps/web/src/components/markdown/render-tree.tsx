import type { Root } from "hast";
import type { Components } from "hast-util-to-jsx-runtime";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";

import { CodeBlock } from "./code-block";
import { variantClasses } from "./prose-classes";

/** `lesson`: a lesson's body, anchored headings; `task`: an exercise statement, a quiz prompt or
 * explanation; `inline`: one line, no paragraph (a quiz choice beside its radio button). */
export type MarkdownVariant = "lesson" | "task" | "inline";

function MarkdownLink({ href, children }: ComponentProps<"a">) {
  if (href?.startsWith("/") || href?.startsWith("#")) return <Link href={href}>{children}</Link>;
  return (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  );
}

function ScrollingTable(props: ComponentProps<"table">) {
  return (
    <div className="overflow-x-auto" tabIndex={0}>
      <table {...props} />
    </div>
  );
}

const blockComponents: Components = { pre: CodeBlock, a: MarkdownLink, table: ScrollingTable };
const inlineComponents: Components = { ...blockComponents, p: ({ children }) => <>{children}</> };

/** One Markdown tree as React elements, without the variant's frame. */
export function renderTree(tree: Root, variant: MarkdownVariant): ReactNode {
  return toJsxRuntime(tree, { Fragment, jsx, jsxs, passKeys: true, ignoreInvalidStyle: true, components: variant === "inline" ? inlineComponents : blockComponents });
}

/** Rendered Markdown in its variant's typography: a block, or a span for `inline`. */
export function MarkdownFrame({ variant, className = "", children }: { variant: MarkdownVariant; className?: string; children: ReactNode }) {
  if (variant === "inline") return <span className={`${variantClasses.inline} ${className}`}>{children}</span>;
  return <div className={`${variantClasses[variant]} ${className}`}>{children}</div>;
}
