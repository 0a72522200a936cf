export { createAuth } from "./create-auth";
export type { Auth, AuthConfig, AuthSession } from "./create-auth";
export { findPasswordWeakness, MIN_PASSWORD_LENGTH } from "./password-policy";
