import type { Element, ElementContent } from "hast";

const LANGUAGE_NAMES: Record<string, string> = { python: "Python", bash: "Shell", text: "Output", dockerfile: "Dockerfile", yaml: "YAML", json: "JSON", ini: "INI", toml: "TOML" };

function element(tagName: string, properties: Element["properties"], children: ElementContent[]): Element {
  return { type: "element", tagName, properties, children };
}

/** Every fenced code block: a card with its language, a runnable badge and a copy button, whose
 * code scrolls sideways inside the card rather than widening the page. The copy button works
 * through `MarkdownHtml`'s click handler. */
export function frameCodeBlock(pre: Element): Element {
  const language = String(pre.properties.dataLanguage ?? "text");
  const isRunnable = pre.properties.dataRunnable !== undefined;
  const caption = element("figcaption", { className: ["flex", "items-center", "gap-2", "border-b", "border-slate-200", "bg-slate-50", "px-3", "py-1.5", "text-xs", "text-slate-600"] }, [
    element("span", { className: ["font-medium"] }, [{ type: "text", value: LANGUAGE_NAMES[language] ?? language }]),
    ...(isRunnable
      ? [
          element("span", { className: ["rounded-full", "bg-brand-100", "px-2", "py-0.5", "font-medium", "text-brand-700"], title: "This example runs as is and its checks pass: the curriculum's tests run it." }, [
            { type: "text", value: "runnable" },
          ]),
        ]
      : []),
    element(
      "button",
      { type: "button", dataCopyCode: "", ariaLabel: "Copy code to clipboard", className: ["ml-auto", "rounded", "px-2", "py-0.5", "text-xs", "font-medium", "text-slate-600", "transition", "hover:bg-slate-200", "hover:text-slate-900"] },
      [{ type: "text", value: "Copy" }],
    ),
  ]);
  const pretty = ["overflow-x-auto", "bg-white", "p-4", "text-[13px]", "leading-relaxed", "text-slate-800", "focus-visible:outline-2", "focus-visible:-outline-offset-2", "focus-visible:outline-brand-500"];
  // Focusable so a keyboard can scroll a long line into view.
  const code = { ...pre, properties: { ...pre.properties, className: [...((pre.properties.className as string[] | undefined) ?? []), ...pretty], tabIndex: 0, dataRunnable: undefined } };
  return element("figure", { className: ["not-prose", "my-5", "min-w-0", "overflow-hidden", "rounded-lg", "border", "border-slate-200", "bg-white", "shadow-sm"], dataTestid: "code-block" }, [caption, code]);
}
