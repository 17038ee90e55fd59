// The xliff package ships no types; these cover the readers we use to cross-check our files.
declare module 'xliff' {
  export interface XliffJs {
    sourceLanguage?: string;
    targetLanguage?: string;
    resources: Record<string, Record<string, { source?: unknown; target?: unknown; note?: unknown }>>;
  }
  const xliff: {
    xliff12ToJs(xml: string, options?: object): Promise<XliffJs>;
    xliff2js(xml: string, options?: object): Promise<XliffJs>;
  };
  export default xliff;
}
