import "./globals.css";

import type { Metadata } from "next";

import { SiteHeader } from "~/components/site-header";
import { TRPCReactProvider } from "~/trpc/react";

/** Every page shows who is signed in, so none is prerendered at build time. */
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "FastAPI Academy", template: "%s · FastAPI Academy" },
  description: "Learn FastAPI, practise on autograded exercises, and prove it in a timed exam.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <TRPCReactProvider>
          <SiteHeader />
          <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
