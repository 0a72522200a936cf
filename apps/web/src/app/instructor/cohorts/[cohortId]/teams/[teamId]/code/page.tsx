export { default, metadata } from "~/app/teams/[teamId]/code/page";
