from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models import Book
from schemas import BookCreate, BookOut, BookUpdate


def book_out(book: Book) -> BookOut:
    # Nothing can be on loan before milestone 2.
    return BookOut(id=book.id, title=book.title, author=book.author, isbn=book.isbn, year=book.year,
                   copies=book.copies, available=book.copies)


def create_book(db: Session, data: BookCreate) -> Book | None:
    """None when the ISBN is taken."""
    book = Book(**data.model_dump())
    db.add(book)
    try:
        db.commit()
    except IntegrityError:
        db.rollback()
        return None
    return book


def list_books(db: Session) -> list[Book]:
    return list(db.scalars(select(Book).order_by(Book.id)))


def update_book(db: Session, book: Book, data: BookUpdate) -> None:
    for field, value in data.model_dump(exclude_unset=True).items():
        if value is not None:
            setattr(book, field, value)
    db.commit()


def delete_book(db: Session, book: Book) -> None:
    db.delete(book)
    db.commit()
