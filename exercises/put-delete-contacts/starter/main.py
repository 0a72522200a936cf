from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Response
from pydantic import BaseModel, ConfigDict, EmailStr, Field
from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

engine = create_engine("sqlite:///./contacts.db", connect_args={"check_same_thread": False})


class Base(DeclarativeBase):
    pass


class Contact(Base):
    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    email: Mapped[str] = mapped_column(String(320), unique=True)
    phone: Mapped[str | None] = mapped_column(String(20), default=None)


class ContactIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    email: EmailStr
    phone: str | None = Field(default=None, pattern=r"^\+?[0-9 \-]{6,20}$", max_length=20)


class ContactOut(ContactIn):
    model_config = ConfigDict(from_attributes=True)

    id: int


@asynccontextmanager
async def lifespan(app: FastAPI):
    Base.metadata.create_all(engine)
    yield


app = FastAPI(title="Contacts", lifespan=lifespan)


def get_session():
    with Session(engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def email_taken(session: Session, email: str) -> bool:
    return session.scalars(select(Contact).where(Contact.email == email)).first() is not None


def get_contact_or_404(session: Session, contact_id: int) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise HTTPException(status_code=404, detail="Contact not found")
    return contact


@app.post("/contacts", status_code=201, response_model=ContactOut)
def create_contact(data: ContactIn, session: SessionDep):
    if email_taken(session, data.email):
        raise HTTPException(status_code=409, detail="Email already in use")
    contact = Contact(**data.model_dump())
    session.add(contact)
    session.commit()
    session.refresh(contact)
    return contact


@app.get("/contacts/{contact_id}", response_model=ContactOut)
def read_contact(contact_id: int, session: SessionDep):
    return get_contact_or_404(session, contact_id)


# TODO: PUT /contacts/{contact_id}: full replacement (200), 404 unknown id,
#       409 "Email already in use" if another contact has the new email.


# TODO: DELETE /contacts/{contact_id}: 204 with an empty body, 404 unknown id.
