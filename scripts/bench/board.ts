// pnpm bench:board: how fast a task move reaches teammates. On its own embedded PostgreSQL, 5 teams
// of 4 learners work one cohort's team project; every member keeps a team.watch subscription open
// (the tRPC caller, over the process's one team listener, as the web app serves it) and moves their
// own tasks through team.moveTask with a short pause between moves, all members at once. Measured:
// from the call of a move to the arrival of its event in each teammate's subscription. The summary is
// printed after the database has stopped, so its last line is the last output.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { createCaller, createContextInner } from "@academy/api";
import { createDb, runMigrations } from "@academy/db";
import { startEmbeddedPostgres } from "@academy/db/embedded";
import { findFreePort, seedCohort, seedUser } from "@academy/db/testing";
import { resolveExercisesDir } from "@academy/exercises";
import { createGradingPorts, syncExercises, TASK_STATUSES, type GradingPorts, type TeamWatchEvent } from "@academy/services";

const TEAMS = 5;
const TEAM_SIZE = 4;
const TASKS_PER_MEMBER = 2;
const MOVES_PER_MEMBER = 20;
/** Far busier than people at a board (about 40 moves a second across the 20), so moves contend for the database and the CPU. */
const PAUSE_MS = { min: 200, max: 800 };
const TEMPLATE = "library-loans-team-project";
const DELIVERY_TIMEOUT_MS = 30_000;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const pause = () => new Promise((resolve) => setTimeout(resolve, PAUSE_MS.min + Math.random() * (PAUSE_MS.max - PAUSE_MS.min)));

type Learner = Awaited<ReturnType<typeof seedUser>>;

/** Aborting `signal` ends the caller's subscriptions, as a closed browser tab does. */
function teamCallerFor(db: ReturnType<typeof createDb>["db"], ports: GradingPorts, user: Learner, signal?: AbortSignal) {
  return createCaller(createContextInner({ db, grading: ports, user: { id: user.id, name: user.name, email: user.email, role: user.role } }), { signal }).team;
}

async function main(): Promise<string[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "bench-board-pg-"));
  chmodSync(dataDir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), port: await findFreePort(), isPersistent: false });
  await pg.createDatabase("bench");
  const databaseUrl = pg.connectionStringFor("bench");
  const { db, pool } = createDb(databaseUrl);
  let grading: Awaited<ReturnType<typeof createGradingPorts>> | undefined;
  try {
    await runMigrations(db);
    const exercisesDir = resolveExercisesDir();
    await syncExercises(db, exercisesDir);
    grading = await createGradingPorts({ databaseUrl, exercisesDir });
    const ports = grading.ports;

    const instructor = await seedUser(db, { role: "instructor", name: "Bench instructor" });
    const learners: Learner[] = [];
    for (let i = 0; i < TEAMS * TEAM_SIZE; i++) learners.push(await seedUser(db, { name: `Member ${String(i + 1).padStart(2, "0")}` }));
    const cohort = await seedCohort(db, { instructorId: instructor.id, memberIds: learners.map((l) => l.id) });
    const asInstructor = teamCallerFor(db, ports, instructor);
    const project = await asInstructor.createProject({ cohortId: cohort.id, exerciseId: TEMPLATE, startsAt: new Date(), minTeamSize: TEAM_SIZE, maxTeamSize: TEAM_SIZE, allowsSelfJoin: false });
    const teams = await asInstructor.createTeams({
      projectId: project.id,
      teams: Array.from({ length: TEAMS }, (_, t) => ({ name: `Team ${t + 1}`, memberIds: learners.slice(t * TEAM_SIZE, (t + 1) * TEAM_SIZE).map((l) => l.id) })),
    });

    console.log(`${TEAMS} teams of ${TEAM_SIZE} formed; opening ${TEAMS * TEAM_SIZE} subscriptions`);
    const subscriptions = learners.map(() => new AbortController());
    const members = learners.map((learner, index) => ({ learner, teamId: teams[Math.floor(index / TEAM_SIZE)]!.id, team: teamCallerFor(db, ports, learner, subscriptions[index]!.signal) }));
    /** When each move (task id and the version it made) was called. */
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    const moveCalls: number[] = [];
    let expected = 0;
    let received = 0;
    let onReceived: (() => void) | undefined;

    await Promise.all(
      members.map(async (member) => {
        const stream = (await member.team.watch({ teamId: member.teamId }))[Symbol.asyncIterator]() as AsyncIterator<TeamWatchEvent>;
        const first = await stream.next();
        if (first.value?.kind !== "ready") throw new Error("the subscription did not start");
        void (async () => {
          for (let next = await stream.next(); !next.done; next = await stream.next()) {
            const event = next.value;
            if (event.kind !== "change" || event.change.kind !== "task.moved" || event.change.actorId === member.learner.id) continue;
            const startedAt = sentAt.get(`${event.change.taskId}:${event.change.version}`);
            if (startedAt === undefined) continue;
            latencies.push(performance.now() - startedAt);
            received++;
            onReceived?.();
          }
        })();
      }),
    );

    console.log("subscriptions open; creating tasks");
    const ownTasks = new Map<string, { id: string; version: number }[]>();
    for (const member of members) {
      const tasks = [];
      for (let i = 0; i < TASKS_PER_MEMBER; i++) {
        const task = await member.team.createTask({ teamId: member.teamId, title: `${member.learner.name}'s task ${i + 1}`, assigneeId: member.learner.id });
        tasks.push({ id: task.id, version: task.version });
      }
      ownTasks.set(member.learner.id, tasks);
    }

    console.log(`${TEAMS * TEAM_SIZE * TASKS_PER_MEMBER} tasks created; moving`);
    const startedAt = performance.now();
    await Promise.all(
      members.map(async (member) => {
        const tasks = ownTasks.get(member.learner.id)!;
        for (let move = 0; move < MOVES_PER_MEMBER; move++) {
          await pause();
          const task = tasks[move % tasks.length]!;
          const status = TASK_STATUSES[Math.floor(Math.random() * TASK_STATUSES.length)]!;
          const calledAt = performance.now();
          // Registered before the call returns: a teammate's event may arrive before the caller's response.
          sentAt.set(`${task.id}:${task.version + 1}`, calledAt);
          expected += TEAM_SIZE - 1;
          const moved = await member.team.moveTask({ taskId: task.id, version: task.version, status, beforeTaskId: null });
          task.version = moved.version;
          moveCalls.push(performance.now() - calledAt);
        }
      }),
    );
    const movingSeconds = (performance.now() - startedAt) / 1000;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${received} of ${expected} teammate events arrived within ${DELIVERY_TIMEOUT_MS / 1000} s`)), DELIVERY_TIMEOUT_MS);
      onReceived = () => {
        if (received < expected) return;
        clearTimeout(timer);
        resolve();
      };
      onReceived();
    });
    for (const subscription of subscriptions) subscription.abort();

    const moves = TEAMS * TEAM_SIZE * MOVES_PER_MEMBER;
    return [
      `${moves} moves by ${TEAMS * TEAM_SIZE} members in ${movingSeconds.toFixed(1)} s (${(moves / movingSeconds).toFixed(1)} per second); ${received} teammate events`,
      `team.moveTask call: p50 ${percentile(moveCalls, 50).toFixed(1)} ms, p95 ${percentile(moveCalls, 95).toFixed(1)} ms`,
      `move to teammate's event: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`,
      `board update p95 ${Math.round(percentile(latencies, 95))} ms (${TEAMS * TEAM_SIZE} members)`,
    ];
  } finally {
    await grading?.close();
    await pool.end();
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const summary = await main();
// The listeners' and pools' goodbyes from the stopped database are logged asynchronously: let them pass first.
await new Promise((resolve) => setTimeout(resolve, 200));
for (const line of summary) console.log(line);
