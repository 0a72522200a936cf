import secrets
from itertools import count
from typing import Annotated

from fastapi import Depends, Header, HTTPException, status

API_KEY = "dev-key"


class ItemStore:
    """A tiny in-memory repository; the routers never touch its dict directly."""

    def __init__(self) -> None:
        self._items: dict[int, dict] = {}
        self._ids = count(1)

    def list(self, tag: str | None = None) -> list[dict]:
        items = list(self._items.values())
        return [i for i in items if tag in i["tags"]] if tag else items

    def get(self, item_id: int) -> dict | None:
        return self._items.get(item_id)

    def add(self, data: dict) -> dict:
        item = {"id": next(self._ids), **data}
        self._items[item["id"]] = item
        return item

    def update(self, item_id: int, changes: dict) -> dict:
        self._items[item_id].update(changes)
        return self._items[item_id]

    def delete(self, item_id: int) -> None:
        del self._items[item_id]


_store = ItemStore()


def get_store() -> ItemStore:
    return _store


def require_api_key(x_api_key: Annotated[str | None, Header()] = None) -> None:
    if x_api_key is None or not secrets.compare_digest(x_api_key, API_KEY):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid or missing API key")


StoreDep = Annotated[ItemStore, Depends(get_store)]
