import { describe, expect, it } from "vitest"
import {
  crosstabCommand,
  describeCommand,
  frequenciesCommand,
  likertCommand,
  meansCommand,
  mrCommand,
  shellWord,
  weightArgs
} from "../src/command.js"
import { designOf, NO_DESIGN } from "../src/runKind.js"

// The `danvan ...` lines the page shows: the same flags, in the same order, as the CLI takes them (apps/cli
// src/flags.ts: --weight, --no-weight, --strata, --cluster, --fpc, --weight-mode, --lonely-psu).

const source = { file: "survey.csv", codebook: null }
const design = { weight: "trongso", strata: "huyen", cluster: "xa", fpc: "nxa" }

describe("command lines with a sampling design", () => {
  it("prints the weight and design flags in the CLI's order, defaults left out", () => {
    expect(weightArgs({})).toEqual([])
    expect(weightArgs({ noWeight: true, cluster: "xa" })).toEqual(["--no-weight", "--cluster", "xa"])
    expect(weightArgs({ ...design, weightMode: "frequency", lonelyPsu: "average" })).toEqual([
      "--weight",
      "trongso",
      "--strata",
      "huyen",
      "--cluster",
      "xa",
      "--fpc",
      "nxa",
      "--weight-mode",
      "frequency",
      "--lonely-psu",
      "average"
    ])
  })

  it("every analysis line carries the design", () => {
    const flags = "--weight trongso --strata huyen --cluster xa --fpc nxa"
    expect(crosstabCommand(source, "capbac", "gioitinh", "vi", design)).toBe(
      `danvan crosstab --data survey.csv --row capbac --col gioitinh ${flags} --lang vi`
    )
    expect(frequenciesCommand(source, ["hailong"], "en", { cluster: "xa" })).toBe(
      "danvan frequencies --data survey.csv --cluster xa --lang en hailong"
    )
    expect(meansCommand(source, "diem", "capbac", "en", { ...design, lonelyPsu: "adjust" })).toBe(
      `danvan means --data survey.csv --var diem --by capbac ${flags} --lonely-psu adjust --lang en`
    )
    expect(describeCommand(source, ["diem"], "vi", { weight: "trongso", weightMode: "frequency" })).toBe(
      "danvan describe --data survey.csv --weight trongso --weight-mode frequency --lang vi diem"
    )
    expect(mrCommand(source, "purpose", "level", "en", { strata: "huyen" })).toBe(
      "danvan mr --data survey.csv --set purpose --group level --strata huyen --lang en"
    )
    expect(likertCommand(source, "difficulty", "level", "vi", { fpc: "nxa" })).toBe(
      "danvan likert --data survey.csv --set difficulty --by level --fpc nxa --lang vi"
    )
  })

  it("the form's design section becomes the request fields and the command options alike", () => {
    expect(designOf(NO_DESIGN)).toEqual({})
    expect(designOf({ ...NO_DESIGN, cluster: "xa", weightMode: "frequency", lonelyPsu: "remove" })).toEqual({
      cluster: "xa",
      weightMode: "frequency",
      lonelyPsu: "remove"
    })
  })

  it("quotes a column name a shell would split", () => {
    expect(shellWord("mã xã")).toBe("'mã xã'")
    expect(crosstabCommand(source, "a", "b", "en", { cluster: "mã xã" })).toBe(
      "danvan crosstab --data survey.csv --row a --col b --cluster 'mã xã' --lang en"
    )
  })
})
