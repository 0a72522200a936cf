export { default, metadata } from "~/app/teams/[teamId]/contributions/page";
