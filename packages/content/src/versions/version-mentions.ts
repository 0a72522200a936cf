import type { GraderComponent } from "./grader-versions";

/** A version the text attributes to the grader, e.g. "the grader's FastAPI (0.115)". */
export type GraderVersionMention = { name: string; version: string; sentence: string };

const VERSION = String.raw`\d+\.\d+`;
// Where a clause about the grader stops and talk about other releases may begin.
const CLAUSE_END = /;|\.\s|\.$| while | but | from | newer| later| earlier| before| after| current| today| recent/i;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Sentences of a text: paragraphs and lines first, then sentence ends. */
function splitSentences(text: string): string[] {
  return text
    .replace(/\s*\n\s*(?![-*|#]|\d+\.\s)/g, " ")
    .split(/\n|(?<=[.!?;])\s+(?=[A-Z`*(])/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/**
 * Every version a sentence attributes to the grader: "<Name> x.y" in the clause after the word
 * "grader" ("the grader runs FastAPI 0.115, Pydantic 2.10"), a bare "x.y" right after it ("the
 * grader's 0.115", "the grader has 4.2", "in the grader (3.46)") credited to the nearest component
 * named before it, and "<Name> x.y (the grader's)". Other versions in the sentence (0.106, 0.118...)
 * describe other releases and are left alone.
 */
export function findGraderVersionMentions(text: string, components: readonly GraderComponent[]): GraderVersionMention[] {
  const names = components.map((c) => escape(c.name)).join("|");
  const named = new RegExp(String.raw`\b(${names})\s+\(?(${VERSION})\b`, "gi");
  const bareAfterTrigger = new RegExp(String.raw`^grader(?:'s)?(?:\s+(?:has|runs|image))?\s*\(?(${VERSION})\b`, "i");
  const namedBeforeTrigger = new RegExp(String.raw`\b(${names})\s+(${VERSION})\s*\((?:the|in the|which the) (?:course's )?grader`, "gi");
  const canonical = (name: string) => components.find((c) => c.name.toLowerCase() === name.toLowerCase())!.name;
  const mentions: GraderVersionMention[] = [];
  for (const sentence of splitSentences(text)) {
    for (const match of sentence.matchAll(namedBeforeTrigger)) {
      mentions.push({ name: canonical(match[1]!), version: match[2]!, sentence });
    }
    for (const trigger of sentence.matchAll(/\bgrader/gi)) {
      const rest = sentence.slice(trigger.index);
      const bare = bareAfterTrigger.exec(rest);
      if (bare) {
        const before = [...sentence.slice(0, trigger.index).matchAll(new RegExp(String.raw`\b(${names})\b`, "gi"))].at(-1);
        if (before) mentions.push({ name: canonical(before[1]!), version: bare[1]!, sentence });
      }
      const clauseEnd = rest.slice(1).search(CLAUSE_END);
      const clause = clauseEnd === -1 ? rest : rest.slice(0, clauseEnd + 1);
      for (const match of clause.matchAll(named)) mentions.push({ name: canonical(match[1]!), version: match[2]!, sentence });
    }
  }
  return mentions;
}
