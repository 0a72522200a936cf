export { createAuth } from "./create-auth";
export type { Auth, AuthConfig, AuthSession } from "./create-auth";
export { CLIENT_ADDRESS_HEADER, isClientAddressVouchedFor } from "./client-address";
export { findPasswordWeakness, MIN_PASSWORD_LENGTH } from "./password-policy";
