import { DOMParser, type Element } from "@xmldom/xmldom"

/** Parses an SVG string strictly (any XML error throws) and offers the few queries the chart tests need. */
export const parseSvg = (svg: string) => {
  const document = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`SVG is not well-formed XML: ${message}`)
    }
  }).parseFromString(svg, "image/svg+xml")
  const root = document.documentElement
  if (root === null || root.tagName !== "svg") throw new Error("root element is not <svg>")
  const all = (tag: string): Array<Element> => Array.from(root.getElementsByTagName(tag))
  /** `<g>` elements whose class list contains every given class. */
  const groups = (...classes: Array<string>) =>
    all("g").filter((g) => {
      const list = (g.getAttribute("class") ?? "").split(/\s+/)
      return classes.every((c) => list.includes(c))
    })
  const textsIn = (...classes: Array<string>) =>
    groups(...classes).flatMap((g) => Array.from(g.getElementsByTagName("text")).map((t) => t.textContent ?? ""))
  const bars = () => all("path").filter((p) => p.getAttribute("aria-roledescription") === "bar")
  return { root, all, groups, textsIn, bars }
}

/** Left edge and width of a vega bar path `M x,y h w v h h -w Z`. */
export const barGeometry = (path: Element) => {
  const d = path.getAttribute("d") ?? ""
  const match = /^M(-?[\d.e-]+),(-?[\d.e-]+)h(-?[\d.e-]+)v(-?[\d.e-]+)h/.exec(d)
  if (match === null) throw new Error(`unexpected bar path ${d}`)
  return { x: Number(match[1]), y: Number(match[2]), width: Number(match[3]), height: Number(match[4]) }
}
