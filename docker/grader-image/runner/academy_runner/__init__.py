"""In-container grading runner of FastAPI Academy (supervisor, app launcher, pytest plugin)."""
