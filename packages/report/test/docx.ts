/**
 * Opens a .docx the way a checker would: every part unzipped (jszip), every XML part parsed strictly
 * (@xmldom/xmldom; any error throws), and the few WordprocessingML queries the tests need.
 */
import { DOMParser, type Element } from "@xmldom/xmldom"
import JSZip from "jszip"

export const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

const parse = (xml: string, name: string) =>
  new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`${name} is not well-formed XML: ${message}`)
    }
  }).parseFromString(xml, "text/xml")

export type XmlDocument = ReturnType<typeof parse>

/** Every XML part (.xml, .rels) of the package, parsed; binary parts (the charts' workbooks) by name only. */
export const openDocx = async (bytes: Uint8Array) => {
  const zip = await JSZip.loadAsync(bytes)
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir)
  const parts = new Map<string, XmlDocument>()
  const raw = new Map<string, string>()
  for (const name of names) {
    if (!/\.(xml|rels)$/.test(name)) continue
    const text = await zip.files[name].async("string")
    raw.set(name, text)
    parts.set(name, parse(text, name))
  }
  const part = (name: string) => {
    const p = parts.get(name)
    if (p === undefined) throw new Error(`no part ${name}; parts: ${names.join(", ")}`)
    return p
  }
  return { names, parts, raw, part, document: part("word/document.xml") }
}

/** Elements `w:<local>` under `node`, in document order. */
export const wAll = (node: Element | XmlDocument, local: string): Array<Element> => Array.from(node.getElementsByTagNameNS(W, local))

/** The text of a paragraph or cell: its `w:t` runs joined. */
export const textOf = (node: Element): string => wAll(node, "t").map((t) => t.textContent ?? "").join("")

/** Direct children `w:<local>` of `node`. */
export const wChildren = (node: Element, local: string): Array<Element> =>
  Array.from(node.childNodes).filter((c): c is Element => (c as Element).namespaceURI === W && (c as Element).localName === local)

/** A `w:*` attribute of an element. */
export const wAttr = (node: Element, name: string): string | null => node.getAttributeNS(W, name)
