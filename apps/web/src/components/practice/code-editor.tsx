"use client";

import { python } from "@codemirror/lang-python";
import { indentUnit } from "@codemirror/language";
import { EditorView } from "@codemirror/view";
import type { ReactCodeMirrorRef } from "@uiw/react-codemirror";
import CodeMirror from "@uiw/react-codemirror";
import { useMemo } from "react";

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

/** CodeMirror 6 with Python: PEP 8's four-space indent, a labelled text area for screen readers and tests. */
export function CodeEditor({ value, label, onChange, isReadOnly = false, height = "480px", editorRef }: CodeEditorProps) {
  const extensions = useMemo(
    () => [python(), indentUnit.of("    "), theme, EditorView.contentAttributes.of({ "aria-label": label })],
    [label],
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
