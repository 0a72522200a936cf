from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, status

from schemas import Bookmark, BookmarkIn
from storage import BookmarkRepository, get_repository

router = APIRouter(tags=["bookmarks"])
Repo = Annotated[BookmarkRepository, Depends(get_repository)]


@router.get("/bookmarks", response_model=list[Bookmark])
def list_bookmarks(repo: Repo):
    # TODO: tag and q filters, limit/offset, X-Total-Count header
    return repo.search()


@router.post("/bookmarks", response_model=Bookmark, status_code=status.HTTP_201_CREATED)
def create_bookmark(body: BookmarkIn, repo: Repo):
    # TODO: 409 for a url that is already bookmarked; Location header
    return repo.add(url=str(body.url), title=body.title, tags=body.tags)


@router.get("/bookmarks/{bookmark_id}", response_model=Bookmark)
def read_bookmark(bookmark_id: int, repo: Repo):
    row = repo.get(bookmark_id)
    if row is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "bookmark not found")
    return row


# TODO: PUT /bookmarks/{bookmark_id}, PATCH /bookmarks/{bookmark_id},
#       DELETE /bookmarks/{bookmark_id}, GET /tags
