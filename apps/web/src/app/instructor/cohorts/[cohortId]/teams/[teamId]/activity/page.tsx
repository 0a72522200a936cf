export { default, metadata } from "~/app/teams/[teamId]/activity/page";
