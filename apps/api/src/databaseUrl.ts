/**
 * True for a PostgreSQL connection URL (`postgres://` or `postgresql://`), which selects the PostgreSQL store.
 *
 * @example
 * isPostgresUrl("postgres://danvan@db:5432/danvan") // true
 */
export const isPostgresUrl = (database: string): boolean => /^postgres(ql)?:\/\//i.test(database.trim())

/**
 * The URL with its password replaced by `***`, for logs and error messages.
 *
 * @example
 * redactUrl("postgres://danvan:secret@db:5432/danvan") // "postgres://danvan:***@db:5432/danvan"
 */
export const redactUrl = (url: string): string => {
  try {
    const parsed = new URL(url)
    if (parsed.password !== "") parsed.password = "***"
    return parsed.toString()
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@]*@/, "//$1:***@")
  }
}
