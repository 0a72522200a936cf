import { formatTime } from "~/components/practice/format";

type Comment = { id: string; authorName: string; body: string; createdAt: Date };

/** Instructors' comments on a submission, oldest first: the instructor's page and the learner's history show the same list. */
export function CommentList({ comments, emptyText }: { comments: Comment[]; emptyText?: string }) {
  if (comments.length === 0) return emptyText ? <p className="text-sm text-slate-600">{emptyText}</p> : null;
  return (
    <ul className="space-y-2" aria-label="Instructor comments">
      {comments.map((comment) => (
        <li key={comment.id} className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2" data-testid="submission-comment">
          <p className="text-xs text-slate-600">
            <span className="font-medium text-slate-800">{comment.authorName}</span> (instructor) · {formatTime(comment.createdAt)}
          </p>
          <p className="mt-1 text-sm break-words whitespace-pre-wrap">{comment.body}</p>
        </li>
      ))}
    </ul>
  );
}
