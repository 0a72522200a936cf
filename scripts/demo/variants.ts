// The learner-like attempts `pnpm demo:record` grades beside each solution and starter: an exercise's
// solution with edits applied. A partial breaks one behaviour (some hidden tests fail); a syntax error
// stops the code from loading; a runtime error raises inside a request handler.

export type VariantKind = "partial" | "syntax-error" | "runtime-error";

export type Variant = {
  exerciseId: string;
  kind: VariantKind;
  /** What a reader of the recording would call this attempt. */
  label: string;
  file: string;
  /** [text found exactly once in the solution file, its replacement] */
  edits: [string, string][];
};

export const variants: Variant[] = [
  {
    exerciseId: "basic-greeting-api",
    kind: "partial",
    label: "shout ignored, no version",
    file: "main.py",
    edits: [
      ['app = FastAPI(title="Greeting API", version="1.0.0")', 'app = FastAPI(title="Greeting API")'],
      ["message.upper() if shout else message", "message"],
    ],
  },
  {
    exerciseId: "basic-greeting-api",
    kind: "syntax-error",
    label: "missing colon",
    file: "main.py",
    edits: [["def add(a: int, b: int):", "def add(a: int, b: int)"]],
  },
  {
    exerciseId: "get-product-catalog",
    kind: "partial",
    label: "category filter is case-sensitive",
    file: "main.py",
    edits: [['p["category"].lower() == category.lower()', 'p["category"] == category']],
  },
  {
    exerciseId: "get-product-catalog",
    kind: "partial",
    label: "unknown product returns null",
    file: "main.py",
    edits: [['    raise HTTPException(status_code=404, detail="Product not found")', "    return None"]],
  },
  {
    exerciseId: "post-tasks-created",
    kind: "partial",
    label: "no Location header, no length limits",
    file: "main.py",
    edits: [
      ['    response.headers["Location"] = f"/tasks/{task.id}"\n', ""],
      ["title: str = Field(min_length=1, max_length=100)", "title: str"],
    ],
  },
  {
    exerciseId: "post-tasks-created",
    kind: "runtime-error",
    label: "misspelt class name at import",
    file: "main.py",
    edits: [["TASKS: dict[int, Task] = {}", "TASKS: dict[int, Tsak] = {}"]],
  },
  {
    exerciseId: "json-body-notes-intro",
    kind: "partial",
    label: "word count splits on spaces only",
    file: "main.py",
    edits: [["word_count=len(note.content.split())", 'word_count=len(note.content.split(" ")) if note.content else 0']],
  },
  {
    exerciseId: "json-body-notes-intro",
    kind: "partial",
    label: "no title limits, 404 with another message",
    file: "main.py",
    edits: [
      ["title: str = Field(min_length=1, max_length=100)", "title: str"],
      ['detail="Note not found"', 'detail="Not found"'],
    ],
  },
  {
    exerciseId: "path-query-station-readings",
    kind: "partial",
    label: "limit applied before the min_temp filter",
    file: "main.py",
    edits: [
      ["    for day, celsius in enumerate(daily_readings(code, year, month), start=1):", "    for day, celsius in enumerate(daily_readings(code, year, month)[:limit], start=1):"],
      ["    readings = readings[:limit]\n", ""],
    ],
  },
  {
    exerciseId: "path-query-station-readings",
    kind: "runtime-error",
    label: "Fahrenheit conversion on a string",
    file: "main.py",
    edits: [["round(celsius * 9 / 5 + 32, 1)", "round(str(celsius) * 9 / 5 + 32, 1)"]],
  },
  {
    exerciseId: "query-filter-sort-paginate",
    kind: "partial",
    label: "pages off by one",
    file: "main.py",
    edits: [["    start = (filters.page - 1) * filters.size", "    start = filters.page * filters.size"]],
  },
  {
    exerciseId: "query-filter-sort-paginate",
    kind: "partial",
    label: "no price range check, case-sensitive search",
    file: "main.py",
    edits: [
      ['            raise ValueError("min_price must not be greater than max_price")', "            pass"],
      ['f.q.lower() not in p["name"].lower()', 'f.q not in p["name"]'],
    ],
  },
  {
    exerciseId: "upload-avatar-validation",
    kind: "partial",
    label: "size checked before type, signature not checked",
    file: "main.py",
    edits: [
      [
        '    if file.content_type not in SIGNATURES:\n        raise HTTPException(status_code=415, detail="Unsupported file type")\n    data = await file.read(MAX_BYTES + 1)\n    if len(data) > MAX_BYTES:\n        raise HTTPException(status_code=413, detail="File too large")\n',
        '    data = await file.read(MAX_BYTES + 1)\n    if len(data) > MAX_BYTES:\n        raise HTTPException(status_code=413, detail="File too large")\n    if file.content_type not in SIGNATURES:\n        raise HTTPException(status_code=415, detail="Unsupported file type")\n',
      ],
      [
        '    if not data.startswith(SIGNATURES[file.content_type]):\n        raise HTTPException(status_code=400, detail="File content does not match its type")\n',
        "",
      ],
    ],
  },
  {
    exerciseId: "upload-avatar-validation",
    kind: "syntax-error",
    label: "unclosed bracket",
    file: "main.py",
    edits: [['    "image/jpeg": b"\\xff\\xd8\\xff",\n}', '    "image/jpeg": b"\\xff\\xd8\\xff",\n']],
  },
  {
    exerciseId: "response-model-hide-secrets",
    kind: "partial",
    label: "summary keeps empty fields, duplicate names allowed",
    file: "main.py",
    edits: [
      ["response_model=UserSummary, response_model_exclude_none=True)", "response_model=UserSummary)"],
      [
        '    if any(u.username == data.username for u in USERS.values()):\n        raise HTTPException(status_code=409, detail="Username already taken")\n',
        "",
      ],
    ],
  },
  {
    exerciseId: "pydantic-signup-validation",
    kind: "partial",
    label: "interests neither trimmed nor de-duplicated",
    file: "main.py",
    edits: [
      ["            item = item.strip().lower()\n", ""],
      ["            if item not in result:\n                result.append(item)", "            result.append(item)"],
    ],
  },
  {
    exerciseId: "pydantic-signup-validation",
    kind: "partial",
    label: "passwords not compared, extra fields allowed",
    file: "main.py",
    edits: [
      ['            raise ValueError("passwords do not match")', "            pass"],
      ['    model_config = ConfigDict(extra="forbid")\n\n', ""],
    ],
  },
  {
    exerciseId: "put-delete-contacts",
    kind: "partial",
    label: "PUT ignores e-mail conflicts",
    file: "main.py",
    edits: [
      [
        '    contact = get_contact_or_404(session, contact_id)\n    if email_taken(session, data.email, except_id=contact_id):\n        raise HTTPException(status_code=409, detail="Email already in use")\n',
        "    contact = get_contact_or_404(session, contact_id)\n",
      ],
    ],
  },
  {
    exerciseId: "put-delete-contacts",
    kind: "runtime-error",
    label: "deletes by id instead of the row",
    file: "main.py",
    edits: [["    session.delete(contact)", "    session.delete(contact_id)"]],
  },
  {
    exerciseId: "cors-middleware-config",
    kind: "partial",
    label: "no exposed header, no preflight cache",
    file: "main.py",
    edits: [['    expose_headers=["X-Total-Count"],\n    max_age=600,\n', ""]],
  },
  {
    exerciseId: "request-id-timing-middleware",
    kind: "partial",
    label: "incoming request id not validated",
    file: "main.py",
    edits: [["incoming if incoming and REQUEST_ID_RE.fullmatch(incoming) else", "incoming if incoming else"]],
  },
];
