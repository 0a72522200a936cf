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
    songs: Mapped[list["Song"]] = relationship(
        back_populates="playlist", cascade="all, delete-orphan", order_by="Song.id"
    )

    @property
    def total_duration(self) -> int:
        return sum(song.duration_seconds for song in self.songs)


class Song(Base):
    __tablename__ = "songs"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    duration_seconds: Mapped[int]
    playlist_id: Mapped[int] = mapped_column(ForeignKey("playlists.id", ondelete="CASCADE"), index=True)
    playlist: Mapped[Playlist] = relationship(back_populates="songs")


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
    songs: list[SongInPlaylist]
    total_duration: int


class SongRead(SongInPlaylist):
    playlist: PlaylistSummary


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


@app.get("/playlists/{playlist_id}", response_model=PlaylistRead)
def read_playlist(playlist_id: int, db: DbSession):
    return PlaylistRead.model_validate(playlist_or_404(db, playlist_id))


@app.delete("/playlists/{playlist_id}", status_code=204)
def delete_playlist(playlist_id: int, db: DbSession):
    db.delete(playlist_or_404(db, playlist_id))
    db.commit()
    return Response(status_code=204)


@app.post("/playlists/{playlist_id}/songs", response_model=SongRead, status_code=201)
def add_song(playlist_id: int, data: SongCreate, db: DbSession):
    playlist = playlist_or_404(db, playlist_id)
    song = Song(title=data.title, duration_seconds=data.duration_seconds)
    playlist.songs.append(song)
    db.commit()
    db.refresh(song)
    return SongRead.model_validate(song)


@app.get("/songs/{song_id}", response_model=SongRead)
def read_song(song_id: int, db: DbSession):
    return SongRead.model_validate(song_or_404(db, song_id))


@app.delete("/songs/{song_id}", status_code=204)
def delete_song(song_id: int, db: DbSession):
    db.delete(song_or_404(db, song_id))
    db.commit()
    return Response(status_code=204)
