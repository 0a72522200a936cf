"use client";

import { usePathname } from "next/navigation";
import { useRef, useState } from "react";

/** The header's row: below `sm` its links and account fold behind a Menu button, which opens and
 * closes them (Escape too, focus back on the button); following a link closes it. */
export function SiteMenu({ brand, children }: { brand: React.ReactNode; children: React.ReactNode }) {
  const pathname = usePathname();
  // The menu remembers the page it was opened on, so it is closed on any other.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const isOpen = openOn === pathname;
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <div
      className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3"
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !isOpen) return;
        setOpenOn(null);
        buttonRef.current?.focus();
      }}
    >
      {brand}
      <button
        ref={buttonRef}
        type="button"
        className="btn-secondary ml-auto px-3 sm:hidden"
        aria-expanded={isOpen}
        aria-controls="site-menu"
        onClick={() => setOpenOn(isOpen ? null : pathname)}
      >
        <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
          {isOpen ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5h14M3 10h14M3 15h14" />}
        </svg>
        Menu
      </button>
      <div
        id="site-menu"
        className={`${isOpen ? "flex" : "hidden"} w-full flex-col gap-4 border-t border-slate-200 pt-3 sm:flex sm:w-auto sm:flex-1 sm:flex-row sm:items-center sm:gap-6 sm:border-0 sm:pt-0`}
        onClick={(event) => {
          if ((event.target as HTMLElement).closest("a")) setOpenOn(null);
        }}
      >
        {children}
      </div>
    </div>
  );
}
