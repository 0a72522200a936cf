import type { Db } from "@academy/db";
import { and, asc, desc, eq, lt, schema, sql, withTransaction } from "@academy/db";
import { FILE_NAME_PATTERN, submissionLimits } from "@academy/exercises";

import { DomainError } from "../domain-error";
import { countChangedLines } from "./count-changed-lines";
import { recordTeamChange } from "./record-team-change";
import { findMemberTeam, findViewableTeam, type TeamViewer } from "./team-access";

const fileColumns = {
  name: schema.teamFile.name,
  content: schema.teamFile.content,
  version: schema.teamFile.version,
  updatedBy: schema.teamFile.updatedBy,
  updatedAt: schema.teamFile.updatedAt,
};

/** The team's codebase now: every file with its version (a save names the version it was based on). */
export async function getTeamCode(db: Db, input: { teamId: string; viewer: TeamViewer }) {
  const { team } = await findViewableTeam(db, input.teamId, input.viewer);
  const files = await db
    .select({ ...fileColumns, updatedByName: schema.user.name })
    .from(schema.teamFile)
    .leftJoin(schema.user, eq(schema.user.id, schema.teamFile.updatedBy))
    .where(eq(schema.teamFile.teamId, team.id))
    .orderBy(asc(schema.teamFile.name));
  return { teamId: team.id, files };
}

export type SaveTeamFileInput = { teamId: string; name: string; content: string; baseVersion: number; viewer: TeamViewer };

/**
 * Saves one file if nobody saved it since the version the author started from; otherwise nothing is
 * written and the refusal carries the file as it is now and who saved it, so the editor can show
 * their change beside the author's and let them merge. A new file is saved with base version 0.
 */
export async function saveTeamFile(db: Db, input: SaveTeamFileInput) {
  const team = await findMemberTeam(db, input.teamId, input.viewer);
  if (!FILE_NAME_PATTERN.test(input.name)) throw new DomainError("BAD_REQUEST", `"${input.name}" is not a valid file name (letters, digits, _ and -, ending .py).`);
  if (Buffer.byteLength(input.content) > submissionLimits.maxFileKib * 1024) {
    throw new DomainError("BAD_REQUEST", `${input.name} is larger than ${submissionLimits.maxFileKib} KB: split it into smaller modules.`);
  }
  const readCurrentFile = async (tx: Db) => {
    const [current] = await tx
      .select({ ...fileColumns, updatedByName: schema.user.name })
      .from(schema.teamFile)
      .leftJoin(schema.user, eq(schema.user.id, schema.teamFile.updatedBy))
      .where(and(eq(schema.teamFile.teamId, team.id), eq(schema.teamFile.name, input.name)))
      .for("update", { of: schema.teamFile });
    return current;
  };
  return withTransaction(db, async (tx) => {
    const current = await readCurrentFile(tx);
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== input.baseVersion) {
      return { status: "conflict" as const, current: current ?? null };
    }
    if (!current) {
      const files = await tx.$count(schema.teamFile, eq(schema.teamFile.teamId, team.id));
      if (files >= submissionLimits.maxFiles) throw new DomainError("BAD_REQUEST", `A project holds at most ${submissionLimits.maxFiles} files.`);
    }
    const previousContent = current?.content ?? "";
    const { linesAdded, linesRemoved } = countChangedLines(previousContent, input.content);
    const version = currentVersion + 1;
    const [file] = current
      ? await tx
          .update(schema.teamFile)
          .set({ content: input.content, version, updatedBy: input.viewer.id, updatedAt: sql`now()` })
          .where(and(eq(schema.teamFile.teamId, team.id), eq(schema.teamFile.name, input.name)))
          .returning(fileColumns)
      : await tx.insert(schema.teamFile).values({ teamId: team.id, name: input.name, content: input.content, version, updatedBy: input.viewer.id }).onConflictDoNothing().returning(fileColumns);
    // A teammate created the same new file meanwhile (their insert committed first): theirs stands, as with any stale save.
    if (!file) return { status: "conflict" as const, current: (await readCurrentFile(tx)) ?? null };
    const [save] = await tx
      .insert(schema.teamCodeSave)
      .values({ teamId: team.id, fileName: input.name, authorId: input.viewer.id, version, previousContent, content: input.content, linesAdded, linesRemoved })
      .returning({ id: schema.teamCodeSave.id });
    await recordTeamChange(tx, { teamId: team.id, kind: "code.saved", actorId: input.viewer.id, fileName: input.name, version, summary: `saved ${input.name} (+${linesAdded} −${linesRemoved})`, detail: { saveId: save!.id, linesAdded, linesRemoved } });
    return { status: "saved" as const, file: file!, saveId: save!.id, linesAdded, linesRemoved };
  });
}

/** The team's saves, newest first (optionally of one file), without contents; `before` pages back. */
export async function listCodeSaves(db: Db, input: { teamId: string; fileName?: string; limit: number; before?: Date; viewer: TeamViewer }) {
  const { team } = await findViewableTeam(db, input.teamId, input.viewer);
  return db
    .select({
      id: schema.teamCodeSave.id,
      fileName: schema.teamCodeSave.fileName,
      version: schema.teamCodeSave.version,
      authorId: schema.teamCodeSave.authorId,
      authorName: schema.user.name,
      linesAdded: schema.teamCodeSave.linesAdded,
      linesRemoved: schema.teamCodeSave.linesRemoved,
      createdAt: schema.teamCodeSave.createdAt,
    })
    .from(schema.teamCodeSave)
    .leftJoin(schema.user, eq(schema.user.id, schema.teamCodeSave.authorId))
    .where(
      and(
        eq(schema.teamCodeSave.teamId, team.id),
        input.fileName ? eq(schema.teamCodeSave.fileName, input.fileName) : undefined,
        input.before ? lt(schema.teamCodeSave.createdAt, input.before) : undefined,
      ),
    )
    .orderBy(desc(schema.teamCodeSave.createdAt), desc(schema.teamCodeSave.version))
    .limit(input.limit);
}

/** One save with the content before and after it, for a diff. */
export async function getCodeSave(db: Db, input: { teamId: string; saveId: string; viewer: TeamViewer }) {
  const { team } = await findViewableTeam(db, input.teamId, input.viewer);
  const [save] = await db
    .select({
      id: schema.teamCodeSave.id,
      fileName: schema.teamCodeSave.fileName,
      version: schema.teamCodeSave.version,
      authorId: schema.teamCodeSave.authorId,
      authorName: schema.user.name,
      previousContent: schema.teamCodeSave.previousContent,
      content: schema.teamCodeSave.content,
      linesAdded: schema.teamCodeSave.linesAdded,
      linesRemoved: schema.teamCodeSave.linesRemoved,
      createdAt: schema.teamCodeSave.createdAt,
    })
    .from(schema.teamCodeSave)
    .leftJoin(schema.user, eq(schema.user.id, schema.teamCodeSave.authorId))
    .where(and(eq(schema.teamCodeSave.id, input.saveId), eq(schema.teamCodeSave.teamId, team.id)));
  if (!save) throw new DomainError("NOT_FOUND", "This save does not exist in your team's history.");
  return save;
}
