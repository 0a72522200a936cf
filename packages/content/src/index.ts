export * from "./curriculum";
export * from "./versions";
export * from "./exam";
