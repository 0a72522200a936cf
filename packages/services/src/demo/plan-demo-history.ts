import { gradeQuizAnswers, type Quiz, type QuizAnswers } from "@academy/content";

import { QUIZ_PASS_RATIO } from "../curriculum/quiz-pass-mark";
import type { LearnerProfile } from "./demo-learners";
import type { RecordedAttempt, RecordedExercise } from "./recorded-reports";

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** How far back the demo cohort's history starts. */
const HISTORY_DAYS = 27;

export type Random = () => number;

/** mulberry32 seeded from a string: each learner's history is the same on every fresh database. */
export function createRandom(seed: string): Random {
  let state = 2166136261;
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 16777619);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (random: Random, [min, max]: [number, number]) => min + Math.floor(random() * (max - min + 1));

export type PlannedSection = { id: string; quiz: Quiz; exercises: RecordedExercise[] };

export type PlannedSubmission = { exerciseId: string; attempt: RecordedAttempt; createdAt: Date };
export type PlannedQuizAttempt = { sectionId: string; answers: QuizAnswers; score: number; maxScore: number; createdAt: Date };

export type DemoHistory = {
  joinedAt: Date;
  lessonsRead: { sectionId: string; readAt: Date }[];
  quizAttempts: PlannedQuizAttempt[];
  submissions: PlannedSubmission[];
};

/** Answers each question right with the given chance; a wrong answer picks a wrong choice (or drops a right one). */
function answerQuiz(quiz: Quiz, skill: number, random: Random): QuizAnswers {
  const answers: QuizAnswers = {};
  for (const question of quiz.questions) {
    if (random() < skill) {
      answers[question.id] = [...question.answer];
      continue;
    }
    const wrong = question.choices.map((choice) => choice.id).filter((id) => !question.answer.includes(id));
    const pick = wrong[Math.floor(random() * wrong.length)];
    answers[question.id] = question.kind === "multiple" ? [...question.answer.slice(1), ...(pick && random() < 0.5 ? [pick] : [])] : pick ? [pick] : [];
  }
  return answers;
}

/**
 * The attempts a learner makes at one exercise: some earlier ones (errors first, then rising
 * scores), then the solution if they solve it. One who does not solve it stops at an earlier attempt.
 */
function chooseAttempts(exercise: RecordedExercise, profile: LearnerProfile, random: Random): RecordedAttempt[] {
  const solution = exercise.attempts.find((attempt) => attempt.kind === "solution");
  const variants = exercise.attempts.filter((attempt) => attempt.kind !== "solution" && attempt.kind !== "starter");
  const starter = exercise.attempts.find((attempt) => attempt.kind === "starter");
  const isSolved = solution !== undefined && random() < profile.solvesExercise;
  // Variants are what learners write; the starter as given is sent now and then, to see what fails.
  const pool = [...variants, ...variants, ...(starter ? [starter] : [])];
  const earlier: RecordedAttempt[] = [];
  const count = Math.max(between(random, profile.earlierAttempts), isSolved ? 0 : 1);
  for (let i = 0; i < count && pool.length > 0; i++) {
    const [picked] = pool.splice(Math.floor(random() * pool.length), 1);
    if (!earlier.includes(picked!)) earlier.push(picked!);
  }
  const rank = (attempt: RecordedAttempt) => (attempt.report.status === "error" ? -1 : attempt.report.score);
  earlier.sort((a, b) => rank(a) - rank(b));
  return isSolved ? [...earlier, solution] : earlier;
}

/**
 * A learner's four weeks, walked in reading order: each section reached is read (mostly), its
 * quiz taken (and retaken below the pass mark, now and then), and its exercises tried. Times are
 * spread from the learner's start to their last activity, never after `now`.
 */
export function planDemoHistory(options: { sections: PlannedSection[]; profile: LearnerProfile; random: Random; now: Date }): DemoHistory {
  const { sections, profile, random, now } = options;
  const latest = now.getTime() - 10 * MINUTE_MS;
  const start = now.getTime() - (HISTORY_DAYS - random() * 2) * DAY_MS;
  const end = Math.max(start + DAY_MS, latest - between(random, profile.lastActiveDaysAgo) * DAY_MS - random() * 6 * 60 * MINUTE_MS);
  const reached = sections.slice(0, Math.min(sections.length, between(random, profile.sectionsReached)));
  const history: DemoHistory = { joinedAt: new Date(start - DAY_MS), lessonsRead: [], quizAttempts: [], submissions: [] };
  reached.forEach((section, index) => {
    let clock = start + ((end - start) * (index + random() * 0.5)) / reached.length;
    const step = (minMinutes: number, maxMinutes: number) => {
      clock = Math.min(latest, clock + (minMinutes + random() * (maxMinutes - minMinutes)) * MINUTE_MS);
      return new Date(clock);
    };
    if (random() < profile.readsLesson) history.lessonsRead.push({ sectionId: section.id, readAt: step(2, 20) });
    if (random() < profile.takesQuiz) {
      let skill = profile.quizSkill;
      for (let tries = 0; tries < 3; tries++) {
        const answers = answerQuiz(section.quiz, skill, random);
        const { score, maxScore } = gradeQuizAnswers(section.quiz, answers);
        history.quizAttempts.push({ sectionId: section.id, answers, score, maxScore, createdAt: step(4, 15) });
        if (score / maxScore >= QUIZ_PASS_RATIO || random() < 0.4) break;
        skill = Math.min(0.97, skill + 0.15);
      }
    }
    for (const exercise of section.exercises) {
      if (random() >= profile.triesExercise) continue;
      step(10, 60);
      for (const attempt of chooseAttempts(exercise, profile, random)) {
        history.submissions.push({ exerciseId: exercise.exerciseId, attempt, createdAt: step(3, 25) });
      }
    }
  });
  return history;
}
