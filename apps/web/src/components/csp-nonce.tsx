"use client";

import { createContext, useContext, useState } from "react";

const CspNonceContext = createContext<string | undefined>(undefined);

/** The nonce this document's policy accepts: the one on the scripts of the response that loaded it. */
function readDocumentNonce() {
  if (typeof document === "undefined") return undefined;
  return document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce || undefined;
}

/**
 * Hands the CSP nonce to client code that adds `<style>` elements itself (CodeMirror). Kept from
 * the first render: a later server render of the layout (a refresh after signing in) comes from
 * another request with another nonce, which the policy of the page already loaded does not accept.
 */
export function CspNonceProvider({ nonce, children }: { nonce: string | undefined; children: React.ReactNode }) {
  const [documentNonce] = useState(() => readDocumentNonce() ?? nonce);
  return <CspNonceContext.Provider value={documentNonce}>{children}</CspNonceContext.Provider>;
}

export function useCspNonce() {
  return useContext(CspNonceContext);
}
