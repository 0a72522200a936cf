export { default, metadata } from "~/app/teams/[teamId]/milestones/page";
