import { describe, expect, it } from "vitest";

import { listTestNames } from "./list-test-names";

describe("listTestNames", () => {
  it("names top-level and class test functions of test files only", () => {
    const files = [
      {
        name: "test_notes.py",
        content: "import x\n\ndef helper():\n    pass\n\ndef test_a(client):\n    pass\n\nasync def test_b():\n    pass\n\nclass TestNotes:\n    def test_c(self):\n        pass\n\n    def helper(self):\n        pass\n\ndef test_d():\n    pass\n",
      },
      { name: "helpers.py", content: "def test_not_collected():\n    pass\n" },
    ];
    expect(listTestNames(files, "hidden").map((t) => t.name)).toEqual(["test_a", "test_b", "TestNotes::test_c", "test_d"]);
  });
});
