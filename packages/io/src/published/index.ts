// The format, its decoding and checks and the percent audit are pure and live in @danvan/domain (so that
// @danvan/analysis can use them without depending on io); io adds reading them from files.
export {
  auditPercents,
  decodePublishedTables,
  parsePublishedTables,
  percentDecimals,
  PublishedTables,
  PublishedTablesError
} from "@danvan/domain"
export type { AuditFinding, PercentAudit } from "@danvan/domain"
export { loadPublishedTables } from "./loadPublishedTables.js"
