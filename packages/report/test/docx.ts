/**
 * Opens a .docx the way a checker would: every part unzipped (jszip), every XML part parsed strictly
 * (@xmldom/xmldom; any error throws), and the few WordprocessingML queries the tests need.
 */
import { DOMParser, type Element } from "@xmldom/xmldom"
import JSZip from "jszip"

export const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

/** Parses XML strictly: any error throws, naming the part. */
export const parse = (xml: string, name: string) =>
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
export const wAll = (node: Element | XmlDocument, local: string): Array<Element> =>
  Array.from(node.getElementsByTagNameNS(W, local))

/** The text of a paragraph or cell: its `w:t` runs joined. */
export const textOf = (node: Element): string => wAll(node, "t").map((t) => t.textContent ?? "").join("")

/** Direct children `w:<local>` of `node`. */
export const wChildren = (node: Element, local: string): Array<Element> =>
  Array.from(node.childNodes).filter((c): c is Element =>
    (c as Element).namespaceURI === W && (c as Element).localName === local
  )

/** A `w:*` attribute of an element. */
export const wAttr = (node: Element, name: string): string | null => node.getAttributeNS(W, name)

/**
 * Child-element sequences of the WordprocessingML property elements this renderer writes, transcribed from the
 * ECMA-376 Part 1 schema (wml.xsd: CT_PPrBase + rPr/sectPr/pPrChange, CT_RPr's EG_RPrBase, CT_TblPrBase,
 * CT_TcPrBase, CT_TcBorders, CT_SectPr, CT_TblBorders, CT_TblCellMar). Word refuses a document whose property
 * children are out of order or unknown, so the tests check every such element against these lists.
 */
export const WML_SEQUENCES: Readonly<Record<string, ReadonlyArray<string>>> = {
  pPr: [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange"
  ],
  rPr: [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath"
  ],
  tblPr: [
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription"
  ],
  tcPr: [
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark"
  ],
  tcBorders: ["top", "start", "left", "bottom", "end", "right", "insideH", "insideV", "tl2br", "tr2bl"],
  tblBorders: ["top", "start", "left", "bottom", "end", "right", "insideH", "insideV"],
  tblCellMar: ["top", "start", "left", "bottom", "end", "right"],
  sectPr: [
    "headerReference|footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings"
  ]
}

/**
 * Property elements whose children are unknown or out of the schema's order, as "parent: child after child".
 * (`rPr` inside `pPr` is a run-mark property list with the same sequence; trPr is a choice list, any order.)
 */
export const outOfOrder = (doc: XmlDocument): Array<string> => {
  const problems: Array<string> = []
  for (const [parent, sequence] of Object.entries(WML_SEQUENCES)) {
    const rank = (name: string) => sequence.findIndex((s) => s.split("|").includes(name))
    for (const el of wAll(doc, parent)) {
      let last = -1
      let lastName = ""
      for (const child of Array.from(el.childNodes) as Array<Element>) {
        if (child.nodeType !== 1 || child.namespaceURI !== W) continue
        const r = rank(child.localName ?? "")
        if (r < 0) problems.push(`${parent}: unknown ${child.localName}`)
        else if (r < last) problems.push(`${parent}: ${child.localName} after ${lastName}`)
        else if (r === last && !sequence[r].includes("|")) problems.push(`${parent}: ${child.localName} twice`)
        if (r >= 0) {
          last = r
          lastName = child.localName ?? ""
        }
      }
    }
  }
  return problems
}
