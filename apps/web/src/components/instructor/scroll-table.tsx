export type ScrollTableColumn = { label: string; isNumeric?: boolean };

type ScrollTableProps = {
  /** Names the scroll box for screen readers and the keyboard. */
  label: string;
  columns: ScrollTableColumn[];
  /** Below this width the table scrolls sideways in its box, not the page. */
  minWidth: string;
  testId?: string;
  children: React.ReactNode;
};

/** A results table that scrolls inside its own box on a narrow screen. */
export function ScrollTable({ label, columns, minWidth, testId, children }: ScrollTableProps) {
  return (
    // Focusable so a keyboard can scroll it sideways (axe: scrollable-region-focusable); relative so
    // screen-reader-only text inside stays inside the box instead of widening the page.
    <div className="relative max-w-full overflow-x-auto" tabIndex={0} role="region" aria-label={label}>
      <table className="w-full text-left text-sm" style={{ minWidth }} data-testid={testId}>
        <thead className="text-xs text-slate-500">
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={`py-1 pr-3 font-medium last:pr-0 ${column.isNumeric ? "text-right" : ""}`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
