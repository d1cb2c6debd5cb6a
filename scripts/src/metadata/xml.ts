/**
 * A small, position-aware view of Metadata API XML files: elements with their line numbers, so
 * every finding can say where it is. Parsing is fast-xml-parser (the parser source-deploy-retrieve
 * itself uses); well-formedness errors keep the parser's line number.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  name: string;
  attributes: Readonly<Record<string, string>>;
  children: XmlElement[];
  /** the element's own text, entities decoded, untrimmed */
  text: string;
  line: number;
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'XmlSyntaxError';
  }
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  captureMetaData: true,
  processEntities: true,
});
// The typings declare the boxed Symbol type; the value is a plain symbol.
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

type RawNode = Record<string | symbol, unknown>;

function lineAt(source: string, lineStarts: number[], index: number): number {
  // binary search over the offsets where lines start
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= index) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

function toElement(raw: RawNode, source: string, lineStarts: number[]): XmlElement | undefined {
  const name = Object.keys(raw).find((key) => key !== ':@' && key !== '#text');
  if (name === undefined || name.startsWith('?') || name.startsWith('!')) return undefined;
  const meta = raw[META] as { startIndex?: number } | undefined;
  const line = lineAt(source, lineStarts, meta?.startIndex ?? 0);
  const children: XmlElement[] = [];
  let text = '';
  for (const node of (raw[name] as RawNode[] | undefined) ?? []) {
    if ('#text' in node) {
      text += String(node['#text']);
      continue;
    }
    const child = toElement(node, source, lineStarts);
    if (child) children.push(child);
  }
  const attributes = (raw[':@'] as Record<string, string> | undefined) ?? {};
  return { name, attributes, children, text, line };
}

/** Parses one XML document; throws XmlSyntaxError (with the line) when it is not well formed. */
export function parseXml(source: string): XmlElement {
  const valid = XMLValidator.validate(source);
  if (valid !== true) throw new XmlSyntaxError(valid.err.msg, valid.err.line);
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const roots = (parser.parse(source) as RawNode[])
    .map((node) => toElement(node, source, lineStarts))
    .filter((element): element is XmlElement => element !== undefined);
  const [root, extra] = roots;
  if (!root) throw new XmlSyntaxError('the file has no root element', 1);
  if (extra) throw new XmlSyntaxError(`a second root element <${extra.name}>`, extra.line);
  return root;
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}

/** The trimmed text of the first child with this name, or undefined when there is none. */
export function textOf(element: XmlElement, name: string): string | undefined {
  const child = childNamed(element, name);
  return child === undefined ? undefined : child.text.trim();
}
