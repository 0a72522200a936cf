from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Response, status

from schemas import Bookmark, BookmarkIn, BookmarkPatch, TagCount
from storage import BookmarkRepository, get_repository

router = APIRouter(tags=["bookmarks"])
Repo = Annotated[BookmarkRepository, Depends(get_repository)]


def location(bookmark_id: int) -> str:
    return f"/bookmarks/{bookmark_id}"


def existing(repo: BookmarkRepository, bookmark_id: int) -> dict:
    row = repo.get(bookmark_id)
    if row is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "bookmark not found")
    return row


def ensure_url_free(repo: BookmarkRepository, url: str, allowed_id: int | None = None) -> None:
    other = repo.find_by_url(url)
    if other is not None and other["id"] != allowed_id:
        raise HTTPException(status.HTTP_409_CONFLICT, "a bookmark with this url already exists",
                            headers={"Location": location(other["id"])})


@router.get("/bookmarks", response_model=list[Bookmark])
def list_bookmarks(
    repo: Repo,
    response: Response,
    tag: str | None = None,
    q: str | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
):
    rows = repo.search(tag=tag, q=q)
    response.headers["X-Total-Count"] = str(len(rows))
    return rows[offset : offset + limit]


@router.post("/bookmarks", response_model=Bookmark, status_code=status.HTTP_201_CREATED)
def create_bookmark(body: BookmarkIn, repo: Repo, response: Response):
    url = str(body.url)
    ensure_url_free(repo, url)
    row = repo.add(url=url, title=body.title, tags=body.tags)
    response.headers["Location"] = location(row["id"])
    return row


@router.get("/bookmarks/{bookmark_id}", response_model=Bookmark)
def read_bookmark(bookmark_id: int, repo: Repo):
    return existing(repo, bookmark_id)


@router.put("/bookmarks/{bookmark_id}", response_model=Bookmark)
def replace_bookmark(bookmark_id: int, body: BookmarkIn, repo: Repo):
    existing(repo, bookmark_id)
    url = str(body.url)
    ensure_url_free(repo, url, allowed_id=bookmark_id)
    return repo.update(bookmark_id, url=url, title=body.title, tags=body.tags)


@router.patch("/bookmarks/{bookmark_id}", response_model=Bookmark)
def patch_bookmark(bookmark_id: int, body: BookmarkPatch, repo: Repo):
    existing(repo, bookmark_id)
    changes = body.model_dump(exclude_unset=True, exclude_none=True)
    if "url" in changes:
        changes["url"] = str(body.url)
        ensure_url_free(repo, changes["url"], allowed_id=bookmark_id)
    return repo.update(bookmark_id, **changes)


@router.delete("/bookmarks/{bookmark_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_bookmark(bookmark_id: int, repo: Repo):
    existing(repo, bookmark_id)
    repo.delete(bookmark_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/tags", response_model=list[TagCount])
def list_tags(repo: Repo):
    return [{"name": name, "count": n} for name, n in repo.tag_counts()]
