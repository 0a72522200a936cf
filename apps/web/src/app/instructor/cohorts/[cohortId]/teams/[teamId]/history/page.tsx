export { default, metadata } from "~/app/teams/[teamId]/history/page";
