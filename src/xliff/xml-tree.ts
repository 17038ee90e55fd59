// A small, safe XML reader: elements with namespaces, attributes and line numbers. Any DOCTYPE is
// refused (no external entities, no entity expansion bombs); only XML's own entities exist.
import { SaxesParser, type SaxesTagNS } from 'saxes';

export interface XmlElement {
  /** Local name, without prefix. */
  readonly name: string;
  /** Namespace URI ('' for none). */
  readonly ns: string;
  /** Attributes by local name (namespaced ones also as `{uri}local`). */
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: (XmlElement | string)[];
  readonly line: number;
}

export class XmlError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'XmlError';
  }
}

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: XmlError | undefined;
  parser.on('error', (error) => {
    failure ??= new XmlError(parser.line, error.message.replace(/^[^:]*:\d+:\d+: /, ''));
    throw failure;
  });
  parser.on('doctype', () => {
    failure ??= new XmlError(parser.line, 'a DOCTYPE is not allowed in XLIFF (it could define entities that read local files or expand without end)');
    throw failure;
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const attribute of Object.values((tag as SaxesTagNS).attributes)) {
      if (attribute.uri) attrs[`{${attribute.uri}}${attribute.local}`] = attribute.value;
      if (!attribute.prefix || attribute.uri === XML_NS) attrs[attribute.uri === XML_NS ? `xml:${attribute.local}` : attribute.local] = attribute.value;
    }
    const element: XmlElement = { name: (tag as SaxesTagNS).local, ns: (tag as SaxesTagNS).uri ?? '', attrs, children: [], line: parser.line };
    stack[stack.length - 1]?.children.push(element);
    stack.push(element);
    root ??= element;
  });
  parser.on('closetag', () => void stack.pop());
  const onText = (text: string) => {
    const parent = stack[stack.length - 1];
    if (!parent) return;
    const last = parent.children[parent.children.length - 1];
    if (typeof last === 'string') parent.children[parent.children.length - 1] = last + text;
    else parent.children.push(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(text).close();
  } catch (error) {
    if (failure) throw failure;
    throw new XmlError(parser.line, String((error as Error).message));
  }
  if (!root) throw new XmlError(1, 'the file holds no XML element');
  return root;
}

export function childElements(element: XmlElement, name?: string, ns?: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name) && (ns === undefined || c.ns === ns));
}
