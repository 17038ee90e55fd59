// A small, safe XML reader: elements with namespaces, attributes and line numbers. Any DOCTYPE is
// refused (no external entities, no entity expansion bombs); only XML's own entities exist.
// Nesting depth and element count are limited (LIMITS) and checked as each tag starts, before
// saxes resolves its namespaces (a cost that grows with depth), so no file can hang the reader;
// the tree is built with an explicit stack, and every walk over it is bounded by that depth.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { LIMITS } from '../model/limits.ts';

export interface XmlElement {
  /** Local name, without prefix. */
  readonly name: string;
  /** Namespace URI ('' for none). */
  readonly ns: string;
  /** Attributes by local name (namespaced ones also as `{uri}local`); no prototype, so any name is data. */
  readonly attrs: Readonly<Record<string, string | undefined>>;
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
  let elements = 0;
  const fail = (reason: string): never => {
    failure ??= new XmlError(parser.line, reason);
    throw failure;
  };
  parser.on('error', (error) => fail(describeXmlError(error.message, text, parser.line, parser.column)));
  parser.on('doctype', () => fail('a DOCTYPE is not allowed in XLIFF (it could define entities that read local files or expand without end)'));
  parser.on('opentagstart', () => {
    if (stack.length >= LIMITS.xmlDepth) fail(`elements are nested more than ${LIMITS.xmlDepth} deep (the limit; XLIFF tools nest about 12): the file was not read`);
    if (++elements > LIMITS.xmlElements) fail(`the file has more than ${LIMITS.xmlElements.toLocaleString('en')} elements (the limit): split it`);
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = Object.create(null);
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

/** XML's own entities: the only ones a file without a DOCTYPE may use. */
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** The first named entity XML does not define (`&nbsp;`) on line `line` of `text`, if any. */
function undefinedEntityOn(text: string, line: number): string | undefined {
  const onLine = text.split('\n', line)[line - 1] ?? '';
  for (const [entity, name] of onLine.matchAll(/&([A-Za-z_][\w.-]*);/g)) if (!XML_ENTITIES.has(name!)) return entity;
  return undefined;
}

/** What saxes found wrong (its "line:column: " prefix removed), and what to do about it. */
function describeXmlError(message: string, text: string, line: number, column: number): string {
  const reason = message.replace(/^(?:[^:]*:)?\d+:\d+: /, '').replace(/\.$/, '');
  if (reason === 'undefined entity') {
    const entity = undefinedEntityOn(text, line) ?? 'an entity';
    return `${entity} is not defined in XML (only &amp; &lt; &gt; &quot; &apos; are): write the character itself, or its number (&#160; for &nbsp;)`;
  }
  return `the XML is not well-formed (${reason}, column ${column}): the file is damaged or cut short; save or export it again from the translation tool`;
}

export function childElements(element: XmlElement, name?: string, ns?: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name) && (ns === undefined || c.ns === ns));
}
