from fastapi import APIRouter, Depends, HTTPException, Response, status

from deps import StoreDep, require_api_key
from schemas import Item, ItemCreate, ItemUpdate

router = APIRouter(prefix="/items", tags=["items"], dependencies=[Depends(require_api_key)])


def found(store, item_id: int) -> dict:
    item = store.get(item_id)
    if item is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "item not found")
    return item


@router.get("", response_model=list[Item])
def list_items(store: StoreDep, tag: str | None = None):
    return store.list(tag)


@router.post("", response_model=Item, status_code=status.HTTP_201_CREATED)
def create_item(body: ItemCreate, store: StoreDep):
    return store.add(body.model_dump())


@router.get("/{item_id}", response_model=Item)
def read_item(item_id: int, store: StoreDep):
    return found(store, item_id)


@router.patch("/{item_id}", response_model=Item)
def update_item(item_id: int, body: ItemUpdate, store: StoreDep):
    found(store, item_id)
    return store.update(item_id, body.model_dump(exclude_unset=True, exclude_none=True))


@router.delete("/{item_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_item(item_id: int, store: StoreDep):
    found(store, item_id)
    store.delete(item_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
