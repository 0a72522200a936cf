// Until every consumer imports @academy/exercises itself.
export * from "@academy/exercises";
export * from "./curriculum";
export * from "./versions";
