from collections import Counter
from datetime import UTC, datetime
from itertools import count


class BookmarkRepository:
    """In-memory storage. Knows nothing about HTTP."""

    def __init__(self) -> None:
        self._rows: dict[int, dict] = {}
        self._ids = count(1)

    def search(self, tag: str | None = None, q: str | None = None) -> list[dict]:
        rows = sorted(self._rows.values(), key=lambda r: r["id"])
        if tag is not None:
            rows = [r for r in rows if tag.lower() in r["tags"]]
        if q is not None:
            rows = [r for r in rows if q.lower() in r["title"].lower() or q.lower() in r["url"].lower()]
        return rows

    def get(self, bookmark_id: int) -> dict | None:
        return self._rows.get(bookmark_id)

    def find_by_url(self, url: str) -> dict | None:
        return next((r for r in self._rows.values() if r["url"] == url), None)

    def add(self, url: str, title: str, tags: list[str]) -> dict:
        now = datetime.now(UTC)
        row = {"id": next(self._ids), "url": url, "title": title, "tags": tags,
               "created_at": now, "updated_at": now}
        self._rows[row["id"]] = row
        return row

    def update(self, bookmark_id: int, **changes) -> dict:
        row = self._rows[bookmark_id]
        row.update(changes, updated_at=datetime.now(UTC))
        return row

    def delete(self, bookmark_id: int) -> None:
        del self._rows[bookmark_id]

    def tag_counts(self) -> list[tuple[str, int]]:
        counts = Counter(tag for r in self._rows.values() for tag in r["tags"])
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


repository = BookmarkRepository()


def get_repository() -> BookmarkRepository:
    return repository
