import type { Heading } from "@academy/content";
import Link from "next/link";
import type { Components, ExtraProps } from "react-markdown";
import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";

import { rehypeHeadingIds } from "./heading-ids";
import { LessonCodeBlock } from "./lesson-code-block";
import { proseClasses } from "./prose-classes";

type Element = NonNullable<ExtraProps["node"]>;
type ElementContent = Element["children"][number];

function textOf(nodes: ElementContent[]): string {
  return nodes.map((node) => (node.type === "text" ? node.value : node.type === "element" ? textOf(node.children) : "")).join("");
}

function describeFence(code: Element | undefined) {
  const classes = code?.properties.className;
  const names = Array.isArray(classes) ? classes.map(String) : [];
  const language = names.find((name) => name.startsWith("language-"))?.slice("language-".length);
  // The info string after the language ("python runnable") arrives as the element's data.meta.
  const meta = (code?.data as { meta?: string } | undefined)?.meta ?? "";
  return { language, isRunnable: meta.split(/\s+/).includes("runnable") };
}

const components: Components = {
  pre({ node }) {
    const code = node?.children.find((child): child is Element => child.type === "element" && child.tagName === "code");
    const { language, isRunnable } = describeFence(code);
    return <LessonCodeBlock code={textOf(code?.children ?? [])} language={language} isRunnable={isRunnable} />;
  },
  a({ href, children }) {
    if (href?.startsWith("/") || href?.startsWith("#")) return <Link href={href}>{children}</Link>;
    return (
      <a href={href} target="_blank" rel="noreferrer noopener">
        {children}
      </a>
    );
  },
};

/** A lesson's Markdown: GitHub-flavoured, anchored headings, server-highlighted code. */
export function LessonMarkdown({ source, headings = [], className = "" }: { source: string; headings?: readonly Heading[]; className?: string }) {
  return (
    <div className={`${proseClasses} ${className}`}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[[rehypeHeadingIds, { headings }]]} components={components}>
        {source}
      </ReactMarkdown>
    </div>
  );
}
