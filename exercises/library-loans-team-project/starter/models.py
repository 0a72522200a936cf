from datetime import date  # noqa: F401  (Loan's dates, milestone 2)

from sqlalchemy import ForeignKey, String  # noqa: F401
from sqlalchemy.orm import Mapped, mapped_column, relationship  # noqa: F401

from database import Base


class Book(Base):
    """Milestone 1: id, title, author, isbn (unique), year, copies."""

    __tablename__ = "books"

    id: Mapped[int] = mapped_column(primary_key=True)
    # TODO: the other columns


# TODO milestone 2: Member (id, username unique, password_hash) and
# Loan (id, book_id, member_id, borrowed_on, due_on, returned_on, renewals).
