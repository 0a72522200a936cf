import { demoAccounts } from "@academy/db";

/**
 * How a kind of learner behaves over the demo's four weeks. Ranges are [min, max]; probabilities
 * are per lesson, quiz or exercise reached.
 */
export type LearnerProfile = {
  /** Lessons reached, in reading order. */
  sectionsReached: [number, number];
  /** Days between the last thing they did and the seeding. */
  lastActiveDaysAgo: [number, number];
  readsLesson: number;
  takesQuiz: number;
  /** The chance of each quiz answer being right on a first try. */
  quizSkill: number;
  triesExercise: number;
  solvesExercise: number;
  /** Failed or erroring attempts before the last one. */
  earlierAttempts: [number, number];
};

export const learnerProfiles = {
  strong: { sectionsReached: [38, 48], lastActiveDaysAgo: [0, 1], readsLesson: 0.95, takesQuiz: 0.95, quizSkill: 0.88, triesExercise: 0.95, solvesExercise: 0.95, earlierAttempts: [0, 1] },
  average: { sectionsReached: [18, 34], lastActiveDaysAgo: [0, 5], readsLesson: 0.75, takesQuiz: 0.7, quizSkill: 0.72, triesExercise: 0.75, solvesExercise: 0.75, earlierAttempts: [0, 2] },
  struggling: { sectionsReached: [7, 14], lastActiveDaysAgo: [2, 8], readsLesson: 0.55, takesQuiz: 0.6, quizSkill: 0.5, triesExercise: 0.7, solvesExercise: 0.35, earlierAttempts: [1, 4] },
  inactive: { sectionsReached: [4, 10], lastActiveDaysAgo: [11, 20], readsLesson: 0.8, takesQuiz: 0.6, quizSkill: 0.65, triesExercise: 0.7, solvesExercise: 0.6, earlierAttempts: [0, 2] },
} satisfies Record<string, LearnerProfile>;

export type LearnerProfileName = keyof typeof learnerProfiles;

/** sitsMockExam: a finished mock exam a few days before their last activity. */
export type DemoLearner = { name: string; email: string; profile: LearnerProfileName; sitsMockExam: boolean };

const MOCK_EXAM_TAKERS = new Set(["ada@academy.test", "grace@academy.test", "chen@academy.test", "kavya@academy.test", "amara@academy.test", "greta@academy.test"]);

export const DEMO_LEARNER_PASSWORD = "learner-pass-1";

const [ada, grace, linus] = demoAccounts.learners;

/** The demo cohort's 30 learners: the three demo accounts and 27 more, all signing in with DEMO_LEARNER_PASSWORD. */
export const demoLearners: DemoLearner[] = [
  { name: ada!.name, email: ada!.email, profile: "strong" as const },
  { name: grace!.name, email: grace!.email, profile: "average" as const },
  { name: linus!.name, email: linus!.email, profile: "average" as const },
  ...(
    [
      ["Amara Okafor", "average"],
      ["Bruno Costa", "average"],
      ["Chen Wei", "strong"],
      ["Dalia Haddad", "struggling"],
      ["Elif Demir", "average"],
      ["Farid Rahimi", "struggling"],
      ["Greta Lindqvist", "average"],
      ["Hiroshi Tanaka", "strong"],
      ["Isabela Ferreira", "inactive"],
      ["Jonas Becker", "average"],
      ["Kavya Iyer", "strong"],
      ["Lucas Moreau", "average"],
      ["Maya Cohen", "average"],
      ["Nikolai Petrov", "struggling"],
      ["Olivia Brennan", "average"],
      ["Priya Nair", "strong"],
      ["Quentin Dubois", "inactive"],
      ["Rosa Martínez", "average"],
      ["Samuel Mensah", "strong"],
      ["Tanvi Shah", "struggling"],
      ["Umar Siddiqui", "average"],
      ["Valentina Rossi", "strong"],
      ["Wiktor Nowak", "struggling"],
      ["Ximena Flores", "struggling"],
      ["Yusuf Kaya", "inactive"],
      ["Zoe Papadopoulos", "average"],
      ["Aiko Sato", "inactive"],
    ] as const
  ).map(([name, profile]) => ({ name, email: `${name.split(" ")[0]!.toLowerCase()}@academy.test`, profile })),
].map((learner) => ({ ...learner, sitsMockExam: MOCK_EXAM_TAKERS.has(learner.email) }));
