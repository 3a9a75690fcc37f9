import { describe, expect, it } from "vitest"
import { buildPlanReport, renderMarkdown } from "../src/index.js"
import { examplePlanResult } from "./helpers.js"

describe("method notes of a recipe", () => {
  it("list the recipe's file and steps first, in the report's language", async () => {
    const recipe = {
      file: "clean.json",
      steps: ["filter: selected cases where age >= 18: 90 of 100 kept for analysis", "recode: recoded level into upper"]
    }
    const en = buildPlanReport(examplePlanResult(), { lang: "en", recipe })
    expect(en.notes[0]).toBe(
      "Data prepared by the recipe clean.json before the analyses: 1. filter: selected cases where age >= 18: 90 of 100 kept for analysis; 2. recode: recoded level into upper"
    )
    const vi = buildPlanReport(examplePlanResult(), { lang: "vi", recipe })
    expect(vi.notes[0]).toMatch(/^Dữ liệu được chuẩn bị theo công thức clean\.json trước khi phân tích: 1\. filter/)
    expect(await renderMarkdown(en)).toContain("recipe clean.json")
    const none = buildPlanReport(examplePlanResult(), { lang: "en" })
    expect(none.notes.some((n) => n.includes("recipe"))).toBe(false)
    expect(none.notes.length).toBe(en.notes.length - 1)
  })
})
