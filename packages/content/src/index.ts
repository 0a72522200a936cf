export * from "./curriculum";
export * from "./versions";
