export { findVersionsNoteHref, graderVersions, listHeadlineGraderVersions, versionsNote } from "./grader-versions";
export type { GraderComponent } from "./grader-versions";
