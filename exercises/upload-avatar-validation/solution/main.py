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
    username: Annotated[str, Form(pattern=r"^[a-z0-9_]{3,30}$")],
    file: Annotated[UploadFile, File()],
):
    if file.content_type not in SIGNATURES:
        raise HTTPException(status_code=415, detail="Unsupported file type")
    data = await file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise HTTPException(status_code=413, detail="File too large")
    if not data:
        raise HTTPException(status_code=400, detail="Empty file")
    if not data.startswith(SIGNATURES[file.content_type]):
        raise HTTPException(status_code=400, detail="File content does not match its type")
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


@app.get("/avatars/{avatar_id}")
def download_avatar(avatar_id: int):
    avatar = AVATARS.get(avatar_id)
    if avatar is None:
        raise HTTPException(status_code=404, detail="Avatar not found")
    return Response(content=avatar["data"], media_type=avatar["content_type"])
