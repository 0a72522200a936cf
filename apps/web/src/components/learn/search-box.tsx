/** A plain GET form: searching works before (and without) any JavaScript. */
export function SearchBox({ defaultValue = "", className = "" }: { defaultValue?: string; className?: string }) {
  return (
    <form action="/learn/search" method="get" role="search" className={`flex gap-2 ${className}`}>
      <label htmlFor="lesson-search" className="sr-only">
        Search lessons
      </label>
      <input
        id="lesson-search"
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder="Search lessons, e.g. dependency injection"
        className="field"
        maxLength={200}
        required
      />
      <button type="submit" className="btn-primary">
        Search
      </button>
    </form>
  );
}
