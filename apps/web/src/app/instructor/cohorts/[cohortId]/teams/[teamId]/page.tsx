export { default, metadata } from "~/app/teams/[teamId]/page";
