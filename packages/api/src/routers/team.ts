import { FILE_NAME_PATTERN, submissionLimits } from "@academy/exercises";
import {
  addTaskComment,
  createTask,
  createTeamProject,
  createTeams,
  formRandomTeams,
  getBoard,
  getCodeSave,
  getMilestoneResults,
  getMyPeerReviewProgress,
  getPeerReview,
  getProjectOverview,
  getTeam,
  getTeamCode,
  getTeamContributions,
  getTeamSubmission,
  joinTeamWithCode,
  listCodeSaves,
  listCohortTeamProjects,
  listMyTeams,
  listProjectTeams,
  listTaskComments,
  listTeamActivity,
  listTeamProjectTemplates,
  moveLearner,
  moveTask,
  ratePeers,
  saveTeamFile,
  submitMilestone,
  TASK_COMMENT_MAX_LENGTH,
  TASK_STATUSES,
  updateTask,
  updateTeamProject,
  watchTeam,
} from "@academy/services";
import { z } from "zod";

import { exercisesDirOf } from "../exercises-dir";
import { createTRPCRouter, gradingProcedure, instructorProcedure, protectedProcedure } from "../trpc";
import { exerciseId } from "./exercise";

const teamId = z.uuid();
const byTeam = z.object({ teamId });
const byProject = z.object({ projectId: z.uuid() });
const milestoneKey = z.string().min(1).max(submissionLimits.maxMilestoneKeyLength);
const teamSize = z.number().int().min(1).max(50);
const userId = z.string().min(1).max(100);
const taskStatus = z.enum(TASK_STATUSES);
const title = z.string().trim().min(1, "Give it a title.").max(200);
const description = z.string().max(10_000);
const pageOf = (max: number) => ({ limit: z.number().int().min(1).max(max).default(50), before: z.coerce.date().optional() });
const rating = z.number().int().min(1, "Ratings go from 1 to 5.").max(5, "Ratings go from 1 to 5.");

/**
 * Team projects: the instructor's side (projects from templates, formation, the overview, peer
 * ratings) and the members' (board, shared code, milestone submissions, contributions, live events).
 * Every procedure's service checks who may see or change the team.
 */
export const teamRouter = createTRPCRouter({
  templates: instructorProcedure.query(({ ctx }) => listTeamProjectTemplates(ctx.db)),

  projects: instructorProcedure.input(z.object({ cohortId: z.uuid() })).query(({ ctx, input }) => listCohortTeamProjects(ctx.db, { ...input, viewer: ctx.user })),

  createProject: instructorProcedure
    .input(
      z.object({
        cohortId: z.uuid(),
        exerciseId,
        title: z.string().trim().max(200).optional(),
        startsAt: z.coerce.date(),
        minTeamSize: teamSize,
        maxTeamSize: teamSize,
        allowsSelfJoin: z.boolean().default(false),
      }),
    )
    .mutation(({ ctx, input }) => createTeamProject(ctx.db, { ...input, viewer: ctx.user })),

  updateProject: instructorProcedure
    .input(
      byProject.extend({
        title: z.string().trim().max(200).optional(),
        startsAt: z.coerce.date().optional(),
        minTeamSize: teamSize.optional(),
        maxTeamSize: teamSize.optional(),
        allowsSelfJoin: z.boolean().optional(),
        milestoneDueDates: z.array(z.object({ key: milestoneKey, dueAt: z.coerce.date().nullable() })).max(submissionLimits.maxMilestones).optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateTeamProject(ctx.db, { ...input, viewer: ctx.user })),

  projectTeams: instructorProcedure.input(byProject).query(({ ctx, input }) => listProjectTeams(ctx.db, { ...input, viewer: ctx.user })),

  createTeams: instructorProcedure
    .input(byProject.extend({ teams: z.array(z.object({ name: title, memberIds: z.array(userId).max(50) })).min(1).max(100) }))
    .mutation(({ ctx, input }) => createTeams(ctx.db, exercisesDirOf(ctx), { ...input, viewer: ctx.user })),

  formRandomTeams: instructorProcedure
    .input(byProject.extend({ teamSize }))
    .mutation(({ ctx, input }) => formRandomTeams(ctx.db, exercisesDirOf(ctx), { ...input, viewer: ctx.user })),

  moveLearner: instructorProcedure
    .input(byProject.extend({ userId, toTeamId: teamId.nullable() }))
    .mutation(({ ctx, input }) => moveLearner(ctx.db, { ...input, viewer: ctx.user })),

  overview: instructorProcedure.input(byProject).query(({ ctx, input }) => getProjectOverview(ctx.db, { ...input, viewer: ctx.user })),

  peerReview: protectedProcedure.input(byTeam.extend({ milestoneKey })).query(({ ctx, input }) => getPeerReview(ctx.db, { ...input, viewer: ctx.user })),

  mine: protectedProcedure.query(({ ctx }) => listMyTeams(ctx.db, ctx.user)),

  join: protectedProcedure.input(z.object({ code: z.string().trim().min(1, "Enter the team's code.").max(64) })).mutation(({ ctx, input }) => joinTeamWithCode(ctx.db, { ...input, viewer: ctx.user })),

  get: protectedProcedure.input(byTeam).query(({ ctx, input }) => getTeam(ctx.db, { ...input, viewer: ctx.user })),

  board: protectedProcedure.input(byTeam).query(({ ctx, input }) => getBoard(ctx.db, { ...input, viewer: ctx.user })),

  createTask: protectedProcedure
    .input(
      byTeam.extend({
        title,
        description: description.optional(),
        status: taskStatus.optional(),
        assigneeId: userId.nullable().optional(),
        dueAt: z.coerce.date().nullable().optional(),
        milestoneKey: milestoneKey.nullable().optional(),
      }),
    )
    .mutation(({ ctx, input }) => createTask(ctx.db, { ...input, viewer: ctx.user })),

  updateTask: protectedProcedure
    .input(
      z.object({
        taskId: z.uuid(),
        version: z.number().int().min(1),
        title: title.optional(),
        description: description.optional(),
        assigneeId: userId.nullable().optional(),
        dueAt: z.coerce.date().nullable().optional(),
        milestoneKey: milestoneKey.nullable().optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateTask(ctx.db, { ...input, viewer: ctx.user })),

  moveTask: protectedProcedure
    .input(z.object({ taskId: z.uuid(), version: z.number().int().min(1), status: taskStatus, beforeTaskId: z.uuid().nullable() }))
    .mutation(({ ctx, input }) => moveTask(ctx.db, { ...input, viewer: ctx.user })),

  comments: protectedProcedure.input(z.object({ taskId: z.uuid() })).query(({ ctx, input }) => listTaskComments(ctx.db, { ...input, viewer: ctx.user })),

  addComment: protectedProcedure
    .input(z.object({ taskId: z.uuid(), body: z.string().max(TASK_COMMENT_MAX_LENGTH, `Comments are at most ${TASK_COMMENT_MAX_LENGTH} characters.`) }))
    .mutation(({ ctx, input }) => addTaskComment(ctx.db, { ...input, viewer: ctx.user })),

  activity: protectedProcedure.input(byTeam.extend(pageOf(200))).query(({ ctx, input }) => listTeamActivity(ctx.db, { ...input, viewer: ctx.user })),

  code: protectedProcedure.input(byTeam).query(({ ctx, input }) => getTeamCode(ctx.db, { ...input, viewer: ctx.user })),

  saveFile: protectedProcedure
    .input(
      byTeam.extend({
        name: z.string().max(submissionLimits.maxFileNameLength).regex(FILE_NAME_PATTERN, "File names are letters, digits, _ and -, ending .py."),
        content: z.string().max(submissionLimits.maxFileKib * 1024, `A file may hold at most ${submissionLimits.maxFileKib} KiB.`),
        baseVersion: z.number().int().min(0),
      }),
    )
    .mutation(({ ctx, input }) => saveTeamFile(ctx.db, { ...input, viewer: ctx.user })),

  saves: protectedProcedure
    .input(byTeam.extend({ fileName: z.string().max(submissionLimits.maxFileNameLength).optional(), ...pageOf(200) }))
    .query(({ ctx, input }) => listCodeSaves(ctx.db, { ...input, viewer: ctx.user })),

  save: protectedProcedure.input(byTeam.extend({ saveId: z.uuid() })).query(({ ctx, input }) => getCodeSave(ctx.db, { ...input, viewer: ctx.user })),

  submitMilestone: gradingProcedure
    .input(byTeam.extend({ milestoneKey }))
    .mutation(({ ctx, input }) => submitMilestone(ctx.db, ctx.grading, { ...input, viewer: ctx.user })),

  milestones: protectedProcedure.input(byTeam).query(({ ctx, input }) => getMilestoneResults(ctx.db, { ...input, viewer: ctx.user })),

  submission: protectedProcedure.input(byTeam.extend({ submissionId: z.uuid() })).query(({ ctx, input }) => getTeamSubmission(ctx.db, { ...input, viewer: ctx.user })),

  contributions: protectedProcedure.input(byTeam).query(({ ctx, input }) => getTeamContributions(ctx.db, { ...input, viewer: ctx.user })),

  ratePeers: protectedProcedure
    .input(
      byTeam.extend({
        milestoneKey,
        ratings: z
          .array(z.object({ rateeId: userId, contribution: rating, quality: rating, communication: rating, comment: z.string().max(2000).default("") }))
          .min(1)
          .max(50),
      }),
    )
    .mutation(({ ctx, input }) => ratePeers(ctx.db, { ...input, viewer: ctx.user })),

  myPeerReview: protectedProcedure.input(byTeam.extend({ milestoneKey })).query(({ ctx, input }) => getMyPeerReviewProgress(ctx.db, { ...input, viewer: ctx.user })),

  /** Every change of the team (board, code, milestones) and each of its gradings' final status, live over SSE. */
  watch: gradingProcedure.input(byTeam).subscription(({ ctx, input, signal }) => watchTeam(ctx.db, ctx.grading, { ...input, viewer: ctx.user }, signal)),
});
