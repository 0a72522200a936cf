import { z } from "zod";

const sectionId = z.string().regex(/^\d+\.\d+$/, 'a section number such as "3.5"');

export const chapterSchema = z.strictObject({
  number: z.number().int().min(1),
  title: z.string().min(1),
  summary: z.string().min(1),
});

export const lessonFrontMatterSchema = z.strictObject({
  section: sectionId,
  title: z.string().min(1),
  summary: z.string().min(1),
});

export const questionKinds = ["single", "multiple", "true-false", "code-output", "status-code"] as const;
export type QuestionKind = (typeof questionKinds)[number];

const choiceSchema = z.strictObject({
  id: z.string().regex(/^([a-f]|true|false)$/, "a letter a to f, or true/false"),
  text: z.string().min(1),
});

const questionShape = z.strictObject({
  // Attempts store answers under this id: it must never change once published.
  id: z.string().regex(/^\d+\.\d+-[a-z0-9]+(-[a-z0-9]+)*$/, 'the section, a dash, then a kebab-case name ("3.5-path-params")'),
  kind: z.enum(questionKinds),
  prompt: z.string().min(1),
  code: z.string().min(1).optional(),
  choices: z.array(choiceSchema),
  answer: z.array(z.string()).min(1),
  // "B is correct" teaches nothing: ask for at least one full sentence.
  explanation: z.string().trim().min(40, "at least one full sentence that teaches why"),
});

const letters = "abcdef";
const choiceCounts: Record<QuestionKind, [number, number]> = {
  single: [3, 5],
  "code-output": [3, 5],
  "status-code": [3, 5],
  multiple: [4, 6],
  "true-false": [2, 2],
};

function checkQuestion(question: z.output<typeof questionShape>, ctx: z.RefinementCtx) {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  const ids = question.choices.map((choice) => choice.id);
  const [min, max] = choiceCounts[question.kind];
  if (ids.length < min || ids.length > max) issue(["choices"], `a ${question.kind} question has ${min} to ${max} choices`);

  if (question.kind === "true-false") {
    const isExact = ids.join() === "true,false" && question.choices.map((c) => c.text).join() === "True,False";
    if (!isExact) issue(["choices"], 'a true-false question has exactly the choices true ("True") and false ("False")');
  } else if (ids.join("") !== letters.slice(0, ids.length)) {
    issue(["choices"], "choice ids are a, b, c, ... in order");
  }
  if (question.kind === "status-code") {
    question.choices.forEach((choice, index) => {
      if (!/^[1-5]\d\d [A-Z]/.test(choice.text)) issue(["choices", index, "text"], 'a status code with its reason phrase ("422 Unprocessable Entity")');
    });
  }
  if (question.kind === "code-output" && !question.code) issue(["code"], "a code-output question shows code");

  if (new Set(question.answer).size !== question.answer.length) issue(["answer"], "lists a choice twice");
  for (const answer of question.answer) {
    if (!ids.includes(answer)) issue(["answer"], `${answer} is not one of the choice ids`);
  }
  const isMultiple = question.kind === "multiple";
  if (isMultiple && question.answer.length < 2) issue(["answer"], "a multiple question has at least two correct choices");
  if (!isMultiple && question.answer.length !== 1) issue(["answer"], `a ${question.kind} question has exactly one correct choice`);
  if (isMultiple && !/select all that apply/i.test(question.prompt)) issue(["prompt"], 'a multiple question says "Select all that apply."');
}

export const questionSchema = questionShape.superRefine(checkQuestion);

export const quizSchema = z
  .strictObject({
    section: sectionId,
    questions: z.array(questionSchema).min(1),
  })
  .superRefine((quiz, ctx) => {
    const seen = new Set<string>();
    quiz.questions.forEach((question, index) => {
      if (!question.id.startsWith(`${quiz.section}-`)) {
        ctx.addIssue({ code: "custom", path: ["questions", index, "id"], message: `starts with the section, "${quiz.section}-"` });
      }
      if (seen.has(question.id)) ctx.addIssue({ code: "custom", path: ["questions", index, "id"], message: `${question.id} is used twice` });
      seen.add(question.id);
    });
  });

export type ChapterConfig = z.output<typeof chapterSchema>;
export type LessonFrontMatter = z.output<typeof lessonFrontMatterSchema>;
export type QuizQuestion = z.output<typeof questionSchema>;
export type Quiz = z.output<typeof quizSchema>;
