/**
 * The deepest nesting any danvan JSON input may have. Codebooks, plans and API bodies nest a few levels
 * (a codebook's value labels are 5 deep); 64 leaves room while keeping recursive code (JSON.parse, schema
 * decoding, error formatting) far from the stack limit.
 */
export const MAX_JSON_DEPTH = 64

/**
 * Where JSON text first nests deeper than `limit` arrays/objects, or undefined when it never does. A plain
 * scan over the characters (strings and their escapes skipped), so a hostile `[[[[...` is refused before
 * anything recursive sees it. The text need not be valid JSON: JSON.parse judges the rest.
 *
 * @example
 * jsonTooDeep("[[1]]", 1) // { depth: 2, position: 1 }
 * jsonTooDeep('{"a": "[[["}', 1) // undefined
 */
export const jsonTooDeep = (
  text: string,
  limit: number = MAX_JSON_DEPTH
): { readonly depth: number; readonly position: number } | undefined => {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) {
        i++ // backslash: skip the escaped character
      } else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      depth++
      if (depth > limit) return { depth, position: i }
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return undefined
}
