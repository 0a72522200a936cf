export * from "./exercise";
export * from "./curriculum";
export * from "./versions";
