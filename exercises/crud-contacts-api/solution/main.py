from collections.abc import Iterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Response, status
from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator
from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

engine = create_engine("sqlite:///./contacts.db", connect_args={"check_same_thread": False})
SessionLocal = sessionmaker(bind=engine, autoflush=False, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


class Contact(Base):
    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    email: Mapped[str] = mapped_column(String(254), unique=True)
    phone: Mapped[str | None] = mapped_column(String(20))


class ContactIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    email: EmailStr
    phone: str | None = Field(default=None, pattern=r"^\+?[0-9 -]{6,20}$")

    @field_validator("email")
    @classmethod
    def lower_email(cls, value: str) -> str:
        return value.lower()


class ContactOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    email: str
    phone: str | None


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


app = FastAPI(title="Contacts", lifespan=lifespan)


def get_contact_or_404(db: Session, contact_id: int) -> Contact:
    contact = db.get(Contact, contact_id)
    if contact is None:
        raise HTTPException(status_code=404, detail="Contact not found")
    return contact


def ensure_email_free(db: Session, email: str, except_id: int | None = None) -> None:
    owner = db.scalar(select(Contact).where(Contact.email == email))
    if owner is not None and owner.id != except_id:
        raise HTTPException(status_code=409, detail="Email already in use")


@app.post("/contacts", response_model=ContactOut, status_code=status.HTTP_201_CREATED)
def create_contact(data: ContactIn, db: DbSession):
    ensure_email_free(db, data.email)
    contact = Contact(**data.model_dump())
    db.add(contact)
    db.commit()
    db.refresh(contact)
    return contact


@app.get("/contacts", response_model=list[ContactOut])
def list_contacts(db: DbSession):
    return db.scalars(select(Contact).order_by(Contact.id)).all()


@app.get("/contacts/{contact_id}", response_model=ContactOut)
def read_contact(contact_id: int, db: DbSession):
    return get_contact_or_404(db, contact_id)


@app.put("/contacts/{contact_id}", response_model=ContactOut)
def replace_contact(contact_id: int, data: ContactIn, db: DbSession):
    contact = get_contact_or_404(db, contact_id)
    ensure_email_free(db, data.email, except_id=contact_id)
    for field, value in data.model_dump().items():
        setattr(contact, field, value)
    db.commit()
    db.refresh(contact)
    return contact


@app.delete("/contacts/{contact_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_contact(contact_id: int, db: DbSession):
    contact = get_contact_or_404(db, contact_id)
    db.delete(contact)
    db.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
