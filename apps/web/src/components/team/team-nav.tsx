"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { segment: "", label: "Board" },
  { segment: "/code", label: "Code" },
  { segment: "/history", label: "History" },
  { segment: "/milestones", label: "Milestones" },
  { segment: "/contributions", label: "Contributions" },
  { segment: "/review", label: "Peer review" },
  { segment: "/ratings", label: "Peer ratings" },
  { segment: "/activity", label: "Activity" },
] as const;

export type TeamSection = (typeof SECTIONS)[number]["segment"];

/** A member's sections; the peer ratings are the instructor's alone. */
export const MEMBER_SECTIONS: TeamSection[] = ["", "/code", "/history", "/milestones", "/contributions", "/review", "/activity"];
export const INSTRUCTOR_SECTIONS: TeamSection[] = ["", "/code", "/history", "/milestones", "/contributions", "/ratings", "/activity"];

/** The team's sections, one page each; it scrolls sideways in its own strip on a phone. */
export function TeamNav({ basePath, sections }: { basePath: string; sections: TeamSection[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Team sections" className="-mx-1 overflow-x-auto border-b border-slate-200" tabIndex={-1}>
      <ul className="flex min-w-max gap-1 px-1">
        {SECTIONS.filter((section) => sections.includes(section.segment)).map((section) => {
          const href = `${basePath}${section.segment}`;
          const isCurrent = pathname === href;
          return (
            <li key={section.segment}>
              <Link
                href={href}
                aria-current={isCurrent ? "page" : undefined}
                className={`-mb-px block rounded-t-md border px-3 py-2 text-sm ${isCurrent ? "border-slate-200 border-b-white bg-white font-medium text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900"}`}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
