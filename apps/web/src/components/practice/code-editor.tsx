"use client";

import { python } from "@codemirror/lang-python";
import { defaultHighlightStyle, HighlightStyle, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { EditorView } from "@codemirror/view";
import type { ReactCodeMirrorRef } from "@uiw/react-codemirror";
import CodeMirror from "@uiw/react-codemirror";
import { useMemo } from "react";

import { useCspNonce } from "~/components/csp-nonce";

type CodeEditorProps = {
  value: string;
  label: string;
  onChange?: (value: string) => void;
  isReadOnly?: boolean;
  height?: string;
  editorRef?: React.Ref<ReactCodeMirrorRef>;
};

const theme = EditorView.theme({
  "&": { fontSize: "13px", border: "1px solid rgb(226 232 240)", borderRadius: "0.375rem" },
  ".cm-scroller": { fontFamily: "var(--font-mono)" },
  "&.cm-focused": { outline: "2px solid rgb(215 245 236)" },
});

// CodeMirror's default colours for escapes, type names and invalid code fall short of WCAG AA contrast on white.
const AA_COLOURS: Record<string, string> = { "#e40": "#b83200", "#085": "#075", "#f00": "#d00" };
const highlightStyle = HighlightStyle.define(defaultHighlightStyle.specs.map((spec) => (spec.color && AA_COLOURS[spec.color] ? { ...spec, color: AA_COLOURS[spec.color] } : spec)));

/** CodeMirror 6 with Python: PEP 8's four-space indent, a labelled text area for screen readers and tests. */
export function CodeEditor({ value, label, onChange, isReadOnly = false, height = "480px", editorRef }: CodeEditorProps) {
  const nonce = useCspNonce();
  const extensions = useMemo(
    () => [
      python(),
      indentUnit.of("    "),
      theme,
      syntaxHighlighting(highlightStyle),
      // tabindex: a read-only viewer's scroller must still take focus so the keyboard can scroll it.
      EditorView.contentAttributes.of({ "aria-label": label, tabindex: "0" }),
      // CodeMirror adds its own <style> element: the page's policy admits it with this response's nonce.
      ...(nonce ? [EditorView.cspNonce.of(nonce)] : []),
    ],
    [label, nonce],
  );
  return (
    <CodeMirror
      ref={editorRef}
      value={value}
      height={height}
      extensions={extensions}
      onChange={onChange}
      readOnly={isReadOnly}
      editable={!isReadOnly}
      basicSetup={{ tabSize: 4, highlightActiveLine: !isReadOnly, autocompletion: !isReadOnly }}
      data-testid={isReadOnly ? "code-viewer" : "code-editor"}
    />
  );
}
