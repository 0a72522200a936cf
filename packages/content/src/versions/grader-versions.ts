import { getSection } from "../curriculum/lookup";
import { createAnchorSlugger } from "../curriculum/slugify";

/** One component of the grader image, as the lessons name it. */
export type GraderComponent = {
  /** The name lessons use, e.g. "FastAPI". */
  name: string;
  /** major.minor, the precision the lessons state. */
  version: string;
  /** The line of docker/grader-image/packages.txt that installs it (directly or as a dependency). */
  installedBy: string;
  /** The Python distribution to ask importlib.metadata for; Python and SQLite are asked directly. */
  distribution?: string;
};

/**
 * What the grader image runs: Debian 13 ("trixie") packages, so only security fixes change them.
 * Pinned to the lessons and the package list by grader-versions.test.ts, and to the image itself by
 * grader-versions.docker.test.ts; update this list, the "About the versions" note (lesson 1.4) and the
 * lessons' version notes together when the image moves to another Debian release.
 */
export const graderVersions: readonly GraderComponent[] = [
  { name: "Python", version: "3.13", installedBy: "python3" },
  { name: "FastAPI", version: "0.115", installedBy: "python3-fastapi", distribution: "fastapi" },
  { name: "Starlette", version: "0.46", installedBy: "python3-fastapi", distribution: "starlette" },
  { name: "Pydantic", version: "2.10", installedBy: "python3-pydantic", distribution: "pydantic" },
  { name: "SQLAlchemy", version: "2.0", installedBy: "python3-sqlalchemy", distribution: "SQLAlchemy" },
  { name: "Alembic", version: "1.13", installedBy: "python3-alembic", distribution: "alembic" },
  { name: "pytest", version: "8.3", installedBy: "python3-pytest", distribution: "pytest" },
  { name: "HTTPX", version: "0.28", installedBy: "python3-httpx", distribution: "httpx" },
  { name: "Uvicorn", version: "0.32", installedBy: "python3-uvicorn", distribution: "uvicorn" },
  { name: "PyJWT", version: "2.10", installedBy: "python3-jwt", distribution: "PyJWT" },
  { name: "bcrypt", version: "4.2", installedBy: "python3-bcrypt", distribution: "bcrypt" },
  { name: "SQLite", version: "3.46", installedBy: "python3" },
];

/** The components an exercise page names, in this order. */
const HEADLINE = ["Python", "FastAPI", "Pydantic", "SQLAlchemy", "pytest"];

export function listHeadlineGraderVersions(): GraderComponent[] {
  return HEADLINE.map((name) => graderVersions.find((component) => component.name === name)!);
}

/** Where the curriculum explains the grader's versions and what newer releases change. */
export const versionsNote = { sectionId: "1.4", heading: "7. About the versions" } as const;

/** The lesson URL of the versions note, with the heading's anchor (the lesson page gives the first
 * heading with a given text the plain slug) when the lesson has that heading. */
export function findVersionsNoteHref(): string {
  const hasHeading = getSection(versionsNote.sectionId)?.headings.some((h) => h.text === versionsNote.heading);
  return `/learn/${versionsNote.sectionId}${hasHeading ? `#${createAnchorSlugger()(versionsNote.heading)}` : ""}`;
}
