import { dataProblems, describeError } from "./errors.js"
import { translate, type Lang } from "./i18n.js"

const SHOWN = 5

/** A failure in words (role=alert), with the first problems of a refused data file listed by row and column. */
export const ErrorMessage = ({ lang, error }: { lang: Lang; error: unknown }) => {
  const listed = dataProblems(error)
  return (
    <div class="error" role="alert">
      <p>{describeError(lang, error)}</p>
      {listed !== undefined && (
        <ul>
          {listed.problems.slice(0, SHOWN).map((p, i) => (
            <li key={i}>
              {translate(lang, "problem", { row: p.row, column: p.column, value: p.value, expected: p.expected })}
            </li>
          ))}
          {listed.total > SHOWN && <li>{translate(lang, "moreProblems", { count: listed.total - SHOWN })}</li>}
        </ul>
      )}
    </div>
  )
}
