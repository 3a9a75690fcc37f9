export * from "./results.js"
export * from "./errors.js"
export * from "./options.js"
export { crosstab } from "./crosstab.js"
export { crosstabFromCounts, parseCounts } from "./counts.js"
export { frequencies } from "./frequencies.js"
export * from "./replicate.js"
export { multipleResponse } from "./multipleResponse.js"
export type { MultipleResponseOptions, MultipleResponseResult } from "./multipleResponse.js"
export { synthesize } from "./synthesize.js"
export type { SynthesizeOptions } from "./synthesize.js"
export { likert } from "./likert.js"
export type {
  LikertCell,
  LikertGroupCell,
  LikertItemResult,
  LikertOptions,
  LikertPole,
  LikertResult,
  LikertScalePoint
} from "./likert.js"
export { multipleResponseSet } from "./sets.js"
export { describeDataset } from "./describe.js"
export { checkDimension } from "./dimensions.js"
export type { DimensionLimits } from "./dimensions.js"
export type { ColumnSummary } from "./describe.js"
export { runPlan } from "./runPlan.js"
export type { PlanResult, PlanSectionResult, RunPlanOptions } from "./runPlan.js"
export { parseRateCount, rate, rateFromText } from "./rate.js"
export type { RateResult } from "./rate.js"
export { describeVariable } from "./describeVariables.js"
export type { DescribeOptions, DescribeResult } from "./describeVariables.js"
export { numericVariable } from "./numericVariable.js"
export type { NumericVariable } from "./numericVariable.js"
export { analysisWeights, caseWeights, resolveWeight } from "./weights.js"
export {
  analysisDesign,
  type AnalysisDesign,
  type DesignChoice,
  type ResolvedDesign,
  type WeightMode
} from "./design.js"
export type { CaseWeights, WeightChoice, WeightInfo } from "./weights.js"
export type { MrDesignStatement } from "./mrDesign.js"
export { parseRakeMargins, rake } from "./rake.js"
export type { RakeCategory, RakeMargins, RakeOptions, RakeResult } from "./rake.js"
export { means } from "./means.js"
export type { FTest, MeansCell, MeansComparison, MeansGroupCell, MeansOptions, MeansResult } from "./means.js"
export { correlate } from "./correlate.js"
export type { CorrelateOptions, CorrelateResult, CorrelationCoefficient, CorrelationPair } from "./correlate.js"
export { layeredCrosstab } from "./layeredCrosstab.js"
export type { CrosstabLayer, LayeredCrosstabOptions, LayeredCrosstabResult } from "./layeredCrosstab.js"
export { bannerTable } from "./banner.js"
export type { BannerCell, BannerNet, BannerOptions, BannerResult, BannerRow, BannerStub } from "./banner.js"
export * from "./prepare/index.js"
export * from "./counting/index.js"
export type {
  DesignCells,
  DesignInfo,
  DesignMeanValue,
  DesignPercent,
  DesignValue,
  DesignWaldTest,
  RaoScottTests
} from "./designEstimates.js"
