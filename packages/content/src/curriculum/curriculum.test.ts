import { describe, expect, it } from "vitest";

import { loadCurriculum } from "./load-curriculum";
import { questionKinds } from "./schema";

/** The study guide's outline (shared/seed/fastapi-study-guide.txt, lines 2-59): numbering and titles are the contract. */
const outline: { number: number; title: string; sections: string[] }[] = [
  { number: 1, title: "Introduction to FastAPI", sections: ["What is FastAPI?", "Advantages of FastAPI", "FastAPI vs Other Frameworks", "Installation and Setup"] },
  {
    number: 2,
    title: "Core Concepts",
    sections: ["Asynchronous Programming in Python", "Understanding Pydantic Models", "Dependency Injection", "Routing and Path Operations", "Request and Response Models"],
  },
  {
    number: 3,
    title: "Building APIs with FastAPI",
    sections: [
      "Creating a Basic API",
      "Handling GET Requests",
      "Handling POST Requests",
      "Handling PUT and DELETE Requests",
      "Query Parameters and Path Parameters",
      "Request Body and JSON Data",
      "File Uploads",
    ],
  },
  {
    number: 4,
    title: "Advanced Features",
    sections: ["Authentication and Authorization", "Middleware", "Background Tasks", "WebSockets", "CORS (Cross-Origin Resource Sharing)", "Custom Exception Handling"],
  },
  {
    number: 5,
    title: "Database Integration",
    sections: ["Connecting to a Database", "ORM Integration (SQLAlchemy)", "CRUD Operations with FastAPI", "Database Migrations", "Handling Relationships"],
  },
  { number: 6, title: "Testing and Debugging", sections: ["Writing Unit Tests", "Using TestClient for Integration Tests", "Debugging Techniques", "Logging and Monitoring"] },
  {
    number: 7,
    title: "Deployment",
    sections: [
      "Deploying FastAPI with Uvicorn",
      "Dockerizing FastAPI Applications",
      "Deploying to Cloud Platforms (AWS, GCP, Azure)",
      "Continuous Integration and Continuous Deployment (CICD)",
    ],
  },
  {
    number: 8,
    title: "Best Practices",
    sections: ["Code Organization and Structure", "Security Best Practices", "Performance Optimization", "Documentation and OpenAPI", "Versioning APIs"],
  },
  {
    number: 9,
    title: "Case Studies and Projects",
    sections: ["Building a RESTful API", "Implementing a CRUD Application", "Real-World Project Example", "Collaborative Project with Team"],
  },
  { number: 10, title: "Exam Preparation", sections: ["Overview of Exam Structure", "Sample Questions and Answers", "Practice Exercises", "Mock Exam Simulation"] },
];

const lessonHeadings = ["Key concepts", "Explaining each concept", "Analogy", "Common mistakes", "Summary"];

const curriculum = loadCurriculum();
const sections = curriculum.sections;

describe("the curriculum follows the study guide's outline", () => {
  it("has the outline's 10 chapters, in order, with its titles", () => {
    expect(curriculum.chapters.map((c) => ({ number: c.number, title: c.title }))).toEqual(outline.map(({ number, title }) => ({ number, title })));
  });

  it("has the outline's 48 sections with exactly its numbering and titles", () => {
    const expected = outline.flatMap((chapter) => chapter.sections.map((title, index) => ({ id: `${chapter.number}.${index + 1}`, title })));
    expect(expected).toHaveLength(48);
    expect(sections.map((s) => ({ id: s.id, title: s.title }))).toEqual(expected);
  });

  it("gives every chapter and lesson a summary", () => {
    for (const item of [...curriculum.chapters, ...sections]) expect(item.summary.length, item.title).toBeGreaterThan(30);
  });
});

describe.each(sections.map((section) => [section.id, section] as const))("lesson %s", (_id, section) => {
  it("has at least 700 words of prose, code blocks excluded", () => {
    expect(section.wordCount).toBeGreaterThanOrEqual(700);
  });

  it("has the five ## headings in order", () => {
    expect(section.headings.filter((h) => h.depth === 2).map((h) => h.text)).toEqual(lessonHeadings);
  });

  it("has a quiz of at least 6 questions of at least 3 kinds", () => {
    const { questions } = section.quiz;
    expect(questions.length).toBeGreaterThanOrEqual(6);
    expect(new Set(questions.map((q) => q.kind)).size).toBeGreaterThanOrEqual(3);
    for (const question of questions) expect(questionKinds).toContain(question.kind);
  });

  it("names each quiz answer among the question's choices", () => {
    for (const question of section.quiz.questions) {
      const ids = question.choices.map((c) => c.id);
      expect(question.answer.length, question.id).toBeGreaterThan(0);
      for (const answer of question.answer) expect(ids, question.id).toContain(answer);
    }
  });
});

describe("quiz question ids", () => {
  const questions = sections.flatMap((section) => section.quiz.questions.map((question) => ({ section: section.id, id: question.id })));

  it("are unique across the curriculum", () => {
    const ids = questions.map((q) => q.id);
    expect(ids.length - new Set(ids).size).toBe(0);
  });

  it("are stable: the section, a dash, then a kebab-case name", () => {
    for (const question of questions) expect(question.id).toMatch(new RegExp(`^${question.section.replace(".", "\\.")}-[a-z0-9]+(-[a-z0-9]+)*$`));
  });

  it("do not always put the right answer first", () => {
    const singles = sections.flatMap((s) => s.quiz.questions).filter((q) => q.kind !== "multiple" && q.kind !== "true-false");
    const firstIsRight = singles.filter((q) => q.answer[0] === "a").length;
    expect(firstIsRight / singles.length).toBeLessThan(0.5);
  });
});
