/**
 * Limits of the tRPC HTTP transport, shared by the server's handler and the browser's link
 * (this file imports nothing, so the browser bundle can take it).
 */

/** Calls in one batched request; the browser's link splits longer batches itself. */
export const MAX_TRPC_BATCH_SIZE = 10;

/**
 * The largest legitimate body is a 1 MiB submission (the sandbox counts its UTF-8 bytes). JSON
 * writes a quote, backslash, tab or newline in two bytes, so that submission takes at most about
 * 2 MiB; 4 MiB also holds a draft save of the same files batched with it.
 */
export const MAX_TRPC_BODY_BYTES = 4 * 1024 * 1024;
