import Link from "next/link";

import { ProgressBar } from "~/components/learn/progress-bar";
import { ScoreBadge } from "~/components/learn/score-badge";
import { getServerCaller } from "~/trpc/server";

/** The learner's study progress: per chapter lessons read and quizzes passed, and where to continue. */
export async function CurriculumProgress() {
  const progress = await (await getServerCaller()).curriculum.progress();
  return (
    <section aria-labelledby="curriculum-heading" className="card space-y-5" data-testid="curriculum-progress">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 id="curriculum-heading" className="font-semibold">
          Curriculum
        </h2>
        <p className="text-sm text-slate-600" data-testid="curriculum-totals">
          {progress.lessonsRead} of {progress.lessonCount} lessons read · {progress.quizzesPassed} quiz{progress.quizzesPassed === 1 ? "" : "zes"} passed
        </p>
        <Link href="/learn" className="ml-auto text-sm text-brand-700 hover:underline">
          All lessons →
        </Link>
      </div>
      {progress.continueWith && (
        <div className="flex flex-wrap items-center gap-3 rounded-md bg-brand-50 px-4 py-3" data-testid="curriculum-continue">
          <p className="text-sm">
            {progress.lessonsRead === 0 ? "Start with " : "Continue with "}
            <span className="font-medium">
              {progress.continueWith.id} {progress.continueWith.title}
            </span>
          </p>
          <Link href={`/learn/${progress.continueWith.id}`} className="btn-primary ml-auto !py-1.5">
            {progress.lessonsRead === 0 ? "Start" : "Continue"}
          </Link>
        </div>
      )}
      <div className="grid gap-x-8 gap-y-3 sm:grid-cols-2">
        {progress.chapters.map((chapter) => (
          <div key={chapter.number} className="space-y-1" data-testid={`curriculum-chapter-${chapter.number}`}>
            <div className="flex justify-between gap-2 text-sm">
              <span className="truncate">
                {chapter.number}. {chapter.title}
              </span>
              <span className="shrink-0 text-slate-500 tabular-nums">
                {chapter.lessonsRead}/{chapter.lessonCount} read · {chapter.quizzesPassed} quiz{chapter.quizzesPassed === 1 ? "" : "zes"} passed
              </span>
            </div>
            <ProgressBar value={chapter.lessonsRead} max={chapter.lessonCount} label={`Chapter ${chapter.number} lessons read`} />
          </div>
        ))}
      </div>
      <div>
        <h3 className="text-sm font-medium text-slate-500">Quiz scores</h3>
        {progress.quizScores.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">No quiz taken yet. Each lesson ends with one.</p>
        ) : (
          <ul className="mt-1 divide-y divide-slate-100 text-sm">
            {progress.quizScores.map((quiz) => (
              <li key={quiz.sectionId} className="flex items-center gap-3 py-1.5" data-testid={`quiz-score-${quiz.sectionId}`}>
                <Link href={`/learn/${quiz.sectionId}/quiz`} className="min-w-0 flex-1 truncate hover:underline">
                  {quiz.sectionId} {quiz.title}
                </Link>
                <ScoreBadge score={quiz.score} maxScore={quiz.maxScore} isPassed={quiz.isPassed} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
