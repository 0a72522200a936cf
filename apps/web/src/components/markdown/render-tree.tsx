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

/** One Markdown tree as React, in the variant's typography. */
export function renderTree(tree: Root, variant: MarkdownVariant, className = ""): ReactNode {
  const content = toJsxRuntime(tree, { Fragment, jsx, jsxs, passKeys: true, ignoreInvalidStyle: true, components: variant === "inline" ? inlineComponents : blockComponents });
  if (variant === "inline") return <span className={`${variantClasses.inline} ${className}`}>{content}</span>;
  return <div className={`${variantClasses[variant]} ${className}`}>{content}</div>;
}
