import { describe, expect, it } from "vitest";

import { listChapters } from "../curriculum/lookup";
import { listCodeBlocks } from "../curriculum/markdown";
import { examBlueprint } from "./blueprint";

/**
 * Chapter 10 describes the exam to learners; the exam is built from examBlueprint. Every number the
 * lessons and their quizzes state about it is matched here to the blueprint's, and any new number of
 * minutes, percent or questions in their prose fails until a claim or an illustration accounts for it.
 */

const { durationMinutes, passPercent, partA, partB } = examBlueprint;
const questionsIn = new Map(partA.chapters.map(({ chapter, questions }) => [chapter, questions]));
const chapterCounts = partA.chapters.map((c) => c.questions);
const difficulties = partB.exercises.map((e) => e.difficulty);
const numberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

const toNumber = (text: string | undefined): number => (numberWords.includes(text!.toLowerCase()) ? numberWords.indexOf(text!.toLowerCase()) : Number(text));
const toList = (text: string | undefined): number[] => text!.split(/,\s*/).map(Number);
const sum = (numbers: number[]): number => numbers.reduce((total, n) => total + n, 0);

type Source = { where: string; text: string };
type Claim = { says: string; pattern: RegExp; pairs: (m: RegExpExecArray) => [actual: unknown, expected: unknown][] };

const chapter10 = listChapters().find((chapter) => chapter.number === 10)!;

// Markdown emphasis and line breaks are not part of what a sentence says.
const normalize = (text: string) => text.replace(/\*\*|`/g, "").replace(/\s+/g, " ").trim();
const withoutCodeBlocks = (body: string) => body.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, " ");

const prose: Source[] = chapter10.sections.flatMap((section) => [
  { where: `${section.id} lesson`, text: normalize(`${section.summary}\n${withoutCodeBlocks(section.body)}`) },
  ...section.quiz.questions.map((q) => ({
    where: q.id,
    // Wrong choices state wrong numbers on purpose: only the right ones must agree.
    text: normalize([q.prompt, q.explanation, ...q.choices.filter((c) => q.answer.includes(c.id)).map((c) => c.text)].join("\n")),
  })),
]);

const code: Source[] = chapter10.sections.flatMap((section) => [
  ...listCodeBlocks(section.body).map((block) => ({ where: `${section.id} block at line ${block.line}`, text: block.code })),
  ...section.quiz.questions.filter((q) => q.code).map((q) => ({ where: q.id, text: q.code! })),
]);

/** "Part A's 60%", "Part A 60%", or Part A and, before the next sentence or Part B, "worth 60%" ("carries", "gives", "capped at"). */
function partWeight(part: string, otherPart: string): RegExp {
  return new RegExp(`Part ${part}(?:'s)? (\\d+)%|Part ${part}\\b(?:(?!Part ${otherPart})[^%.]){0,110}?\\b(?:worth|carries|gives(?: only)?|capped at) (\\d+)%`, "g");
}

const proseClaims: Claim[] = [
  {
    says: "the sitting lasts the blueprint's minutes",
    pattern: /\b(\d+)(?:-minute| minutes)(?= (?:sitting|countdown|mock|covers|across|with)|, one sitting)/g,
    pairs: (m) => [[Number(m[1]), durationMinutes]],
  },
  {
    says: "a time budget spends the whole sitting",
    pattern: /(?:about|roughly) (\d+) minutes for Part A\b.*?(\d+) (?:minutes )?for Part B\b.*?(\d+) (?:minutes for a final check|to check)/gi,
    pairs: (m) => [[Number(m[1]) + Number(m[2]) + Number(m[3]), durationMinutes]],
  },
  {
    says: "Part B's budget is split between its exercises",
    pattern: /about (\d+) minutes for Part B \(roughly (\d+) for the (\w+) exercise and (\d+) for the (\w+) one\)/g,
    pairs: (m) => [
      [Number(m[2]) + Number(m[4]), Number(m[1])],
      [[m[3], m[5]], difficulties],
    ],
  },
  { says: "Part A's weight", pattern: partWeight("A", "B"), pairs: (m) => [[Number(m[1] ?? m[2]), partA.weightPercent]] },
  { says: "Part B's weight", pattern: partWeight("B", "A"), pairs: (m) => [[Number(m[1] ?? m[2]), partB.weightPercent]] },
  {
    says: "a question's share of the total",
    pattern: /each (?:extra Part A )?question is worth (\d+(?:\.\d+)?)(?:%| marks)/gi,
    pairs: (m) => [[Number(m[1]), partA.weightPercent / partA.questionCount]],
  },
  { says: "the pass mark", pattern: /\b(\d+)% (?:overall|pass mark)\b/g, pairs: (m) => [[Number(m[1]), passPercent]] },
  { says: "what Part B must add to a perfect Part A", pattern: /at least (\d+) percentage points/g, pairs: (m) => [[Number(m[1]), passPercent - partA.weightPercent]] },
  {
    says: "a worked score",
    pattern: /(\d+) correct out of (\d+) is (\d+)% of Part A's (\d+) marks, which is (\d+); half of Part B's (\d+) marks is (\d+); together (\d+), just below the/g,
    pairs: (m) => {
      const [correct, total, share, weightA, markA, weightB, markB, together] = m.slice(1).map(Number) as [number, number, number, number, number, number, number, number];
      return [
        [[total, weightA, weightB], [partA.questionCount, partA.weightPercent, partB.weightPercent]],
        [share, (correct / total) * 100],
        [markA, (correct / total) * weightA],
        [markB, weightB / 2],
        [together < passPercent && together === markA + markB, true],
      ];
    },
  },
  { says: "Part A's question total", pattern: /(?<!\()\b(\d+) questions\b(?! per exam)/g, pairs: (m) => [[Number(m[1]), partA.questionCount]] },
  {
    says: "a chapter's questions per exam",
    pattern: /chapter (\d+) (?:\((\d+) questions per exam\)|contributes (\w+) questions per exam)/gi,
    pairs: (m) => [[toNumber(m[2] ?? m[3]), questionsIn.get(Number(m[1]))]],
  },
  { says: "a chapter's questions in a choice", pattern: /Chapter (\d+), [^(]+\((\d+) questions\)/g, pairs: (m) => [[Number(m[2]), questionsIn.get(Number(m[1]))]] },
  { says: "marks to gain in a chapter", pattern: /(\d+) × [\d.]+ = [\d.]+ for chapter (\d+)/g, pairs: (m) => [[Number(m[1]), questionsIn.get(Number(m[2]))]] },
  { says: "the blueprint's counts", pattern: /blueprint(?: is)? \(?(\d+(?:, \d+)+)\)?/g, pairs: (m) => [[toList(m[1]), chapterCounts]] },
  { says: "the chapters Part A draws from", pattern: /chapters (\d+) to (\d+)\b/gi, pairs: (m) => [[[Number(m[1]), Number(m[2])], [partA.chapters[0]!.chapter, partA.chapters.at(-1)!.chapter]]] },
  {
    says: "the three largest chapters' share",
    pattern: /Chapters (\d+), (\d+) and (\d+) together supply (\d+) of the (\d+) questions/g,
    pairs: (m) => [
      [Number(m[4]), sum([m[1], m[2], m[3]].map((n) => questionsIn.get(Number(n)) ?? 0))],
      [Number(m[5]), partA.questionCount],
    ],
  },
  { says: "a chapter without questions", pattern: /Chapter (\d+) has no questions in the blueprint/g, pairs: (m) => [[questionsIn.has(Number(m[1])), false]] },
  { says: "Part B's difficulties", pattern: /\bone (intro|core|advanced),? (?:and )?one (intro|core|advanced)\b/g, pairs: (m) => [[[m[1], m[2]], difficulties]] },
  { says: "Part B's number of exercises", pattern: /\b(one|two|three|four) (?:autograded )?(?:coding )?(?:exercises|tasks)\b/gi, pairs: (m) => [[toNumber(m[1]), partB.exercises.length]] },
];

/** Numbers in the prose that are examples, not exam rules. */
const illustrations = [
  /spending \d+ minutes on one stubborn/g, // a cautionary tale
  /from \d+% to \d+%/g, // chapter 4's rate in 10.4's worked mock history
  /averages \d+% correct and chapter \d+ \(\d+ questions per exam\) averages \d+%/g, // the study-priority question's premise
  /\d+ minutes for \d+ questions forces/g, // a bad plan, refuted
];

const codeClaims: Claim[] = [
  { says: "BLUEPRINT in code", pattern: /BLUEPRINT = \{([^}]*)\}/g, pairs: (m) => [[Object.fromEntries(m[1]!.split(",").map((pair) => pair.split(":").map(Number))), Object.fromEntries(questionsIn)]] },
  {
    says: "weights and pass mark in code",
    pattern: /PART_A_WEIGHT, PART_B_WEIGHT, PASS_MARK = (\d+), (\d+), (\d+)/g,
    pairs: (m) => [[m.slice(1).map(Number), [partA.weightPercent, partB.weightPercent, passPercent]]],
  },
  { says: "the sitting in code", pattern: /TOTAL_MINUTES = (\d+)/g, pairs: (m) => [[Number(m[1]), durationMinutes]] },
  { says: "the question total in code", pattern: /assert sum\(BLUEPRINT\.values\(\)\) == (\d+)/g, pairs: (m) => [[Number(m[1]), partA.questionCount]] },
  {
    says: "three chapters' share in code",
    pattern: /BLUEPRINT\[(\d+)\] \+ BLUEPRINT\[(\d+)\] \+ BLUEPRINT\[(\d+)\] == (\d+)/g,
    pairs: (m) => [[Number(m[4]), sum(m.slice(1, 4).map((n) => questionsIn.get(Number(n)) ?? 0))]],
  },
  { says: "a question's share in code", pattern: /PART_A_WEIGHT \/ sum\(BLUEPRINT\.values\(\)\) == ([\d.]+)/g, pairs: (m) => [[Number(m[1]), partA.weightPercent / partA.questionCount]] },
  {
    says: "the weights in a quiz's code",
    pattern: /part_a_correct \/ (\d+) \* (\d+) \+ part_b_share \* (\d+)/g,
    pairs: (m) => [[m.slice(1).map(Number), [partA.questionCount, partA.weightPercent, partB.weightPercent]]],
  },
  { says: "the pass mark in a quiz's code", pattern: /score >= (\d+)/g, pairs: (m) => [[Number(m[1]), passPercent]] },
];

type ClaimMatch = { claim: Claim; source: Source; m: RegExpExecArray };

function matchClaims(claims: Claim[], sources: Source[]): ClaimMatch[] {
  return claims.flatMap((claim) => sources.flatMap((source) => [...source.text.matchAll(claim.pattern)].map((m) => ({ claim, source, m }))));
}

function checkClaims(claims: Claim[], sources: Source[]) {
  const matches = matchClaims(claims, sources);
  for (const claim of claims) expect(matches.some((match) => match.claim === claim), `no lesson states ${claim.says} any more: update or drop the claim`).toBe(true);
  for (const { claim, source, m } of matches) {
    for (const [actual, expected] of claim.pairs(m)) expect(actual, `${claim.says}: "${m[0]}" in ${source.where}`).toEqual(expected);
  }
}

const spanOf = (m: RegExpExecArray): [number, number] => [m.index, m.index + m[0].length];

describe("chapter 10 describes the exam the blueprint defines", () => {
  it("states the blueprint's minutes, weights, counts, difficulties and pass mark in its prose", () => {
    checkClaims(proseClaims, prose);
  });

  it("uses the blueprint's numbers in its code", () => {
    checkClaims(codeClaims, code);
  });

  it("states no number of minutes, percent or questions that no claim or illustration accounts for", () => {
    const claimed = matchClaims(proseClaims, prose);
    const unexplained: string[] = [];
    for (const source of prose) {
      const covered = [
        ...claimed.filter((match) => match.source === source).map((match) => spanOf(match.m)),
        ...illustrations.flatMap((pattern) => [...source.text.matchAll(pattern)].map(spanOf)),
      ];
      for (const m of source.text.matchAll(/\b\d+(?:\.\d+)?(?:%|-minute\b| minutes?\b| questions\b)/g)) {
        if (!covered.some(([start, end]) => m.index >= start && m.index < end)) unexplained.push(`${source.where}: "${source.text.slice(Math.max(0, m.index - 40), m.index + 30)}"`);
      }
    }
    expect(unexplained).toEqual([]);
  });

  it("prints lesson 10.1's blueprint table from the blueprint", () => {
    const section = chapter10.sections.find((s) => s.id === "10.1")!;
    const table = listCodeBlocks(section.body).find((block) => block.lang === "text" && /Questions/.test(block.code))!;
    const rows = [...table.code.matchAll(/^(\d+) +(.+?) +(\d+)$/gm)].map((m) => ({ chapter: Number(m[1]), title: m[2], questions: Number(m[3]) }));
    const titles = new Map(listChapters().map((chapter) => [chapter.number, chapter.title]));
    expect(rows).toEqual(partA.chapters.map(({ chapter, questions }) => ({ chapter, title: titles.get(chapter), questions })));
    expect(Number(/total +(\d+)/.exec(table.code)?.[1])).toBe(partA.questionCount);
  });
});
