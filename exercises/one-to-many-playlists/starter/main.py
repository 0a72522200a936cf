from collections.abc import Iterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import ForeignKey, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, sessionmaker

engine = create_engine("sqlite:///./music.db", connect_args={"check_same_thread": False})
SessionLocal = sessionmaker(bind=engine, autoflush=False, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


class Playlist(Base):
    __tablename__ = "playlists"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    # TODO: a `songs` relationship (ordered by Song.id; deleting a playlist deletes
    # its songs) and a `total_duration` property


class Song(Base):
    __tablename__ = "songs"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    duration_seconds: Mapped[int]
    playlist_id: Mapped[int] = mapped_column(ForeignKey("playlists.id", ondelete="CASCADE"), index=True)
    # TODO: a `playlist` relationship back to the Playlist


# ---------- schemas ----------

class PlaylistCreate(BaseModel):
    name: str = Field(min_length=1, max_length=100)


class SongCreate(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    duration_seconds: int = Field(ge=1, le=3600)


class SongInPlaylist(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    duration_seconds: int


class PlaylistSummary(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str


class PlaylistRead(PlaylistSummary):
    # TODO: songs (nested) and total_duration
    pass


class SongRead(SongInPlaylist):
    # TODO: the nested playlist summary
    pass


# ---------- app ----------

def get_db() -> Iterator[Session]:
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


DbSession = Annotated[Session, Depends(get_db)]


@asynccontextmanager
async def lifespan(app: FastAPI):
    Base.metadata.create_all(engine)
    yield


app = FastAPI(title="Playlists", lifespan=lifespan)


def playlist_or_404(db: Session, playlist_id: int) -> Playlist:
    playlist = db.get(Playlist, playlist_id)
    if playlist is None:
        raise HTTPException(status_code=404, detail="Playlist not found")
    return playlist


def song_or_404(db: Session, song_id: int) -> Song:
    song = db.get(Song, song_id)
    if song is None:
        raise HTTPException(status_code=404, detail="Song not found")
    return song


@app.post("/playlists", response_model=PlaylistRead, status_code=201)
def create_playlist(data: PlaylistCreate, db: DbSession):
    playlist = Playlist(name=data.name)
    db.add(playlist)
    db.commit()
    db.refresh(playlist)
    return PlaylistRead.model_validate(playlist)


# TODO: GET /playlists/{playlist_id}, DELETE /playlists/{playlist_id},
# POST /playlists/{playlist_id}/songs, GET /songs/{song_id}, DELETE /songs/{song_id}
