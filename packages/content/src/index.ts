export * from "./exercise";
export * from "./curriculum";
