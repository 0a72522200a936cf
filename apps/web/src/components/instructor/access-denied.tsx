/** What a learner sees on an instructor page: the reason, not a blank page or someone's data. */
export function AccessDenied() {
  return (
    <div role="alert" data-testid="access-denied" className="card mx-auto max-w-lg text-center">
      <h1 className="text-xl font-semibold">403 · Instructors only</h1>
      <p className="mt-2 text-slate-600">Only instructors can open this page.</p>
    </div>
  );
}

export function canTeach(user: { role: string }) {
  return user.role === "instructor" || user.role === "admin";
}
