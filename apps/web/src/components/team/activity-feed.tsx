import { formatTime } from "~/components/practice/format";

export type ActivityItem = { id: string; actorName: string | null; kind: string; summary: string; createdAt: Date };

/** Who did what, and when: newest first. */
export function ActivityFeed({ items, emptyText = "Nothing has happened yet: add a task to the board or save a file." }: { items: ActivityItem[]; emptyText?: string }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">{emptyText}</p>;
  return (
    <ol className="divide-y divide-slate-100 text-sm" data-testid="activity-feed">
      {items.map((item) => (
        <li key={item.id} className="py-2" data-testid="activity-item" data-kind={item.kind}>
          <p className="break-words">
            <span className="font-medium">{item.actorName ?? "Someone"}</span> {item.summary}
          </p>
          <p className="text-xs text-slate-500">
            <time dateTime={item.createdAt.toISOString()}>{formatTime(item.createdAt)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
