import hashlib
from itertools import count
from typing import Annotated

from fastapi import FastAPI, File, Form, HTTPException, Response, UploadFile

app = FastAPI(title="Avatars")

MAX_BYTES = 100_000
SIGNATURES = {
    "image/png": b"\x89PNG\r\n\x1a\n",
    "image/jpeg": b"\xff\xd8\xff",
}

AVATARS: dict[int, dict] = {}
_ids = count(1)


@app.post("/avatars", status_code=201)
async def upload_avatar(
    username: Annotated[str, Form()],  # TODO: 3-30 chars of a-z, 0-9, _
    file: Annotated[UploadFile, File()],
):
    # TODO: 415 unsupported type, 413 too large, 400 empty, 400 content/type mismatch
    data = await file.read()
    avatar = {
        "id": next(_ids),
        "username": username,
        "filename": file.filename,
        "content_type": file.content_type,
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    AVATARS[avatar["id"]] = {**avatar, "data": data}
    return avatar


# TODO: GET /avatars/{avatar_id}: the raw bytes with the stored content type, 404 if unknown
