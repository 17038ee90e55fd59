// What an article's pages depend on besides the article itself (which the key of its fragments
// covers, with the tool's code and configuration): the theme, the page size, and the packages its
// words are shaped, measured and drawn with. Each display list holds the stamp of the layout it was
// recorded from, and is replayed only into a document of the same stamp: a library caller's other
// theme or page size, or fonts, pdfkit or fontkit updated by an install that has no package-lock.json
// (a tarball, a git checkout), lay the article out again.
import { fingerprint } from '../../cache/fingerprint.ts';
import { fontPackageVersions } from './fonts.ts';
import type { PageSize, Theme } from './theme.ts';

const FORMAT = 'pdf-layout-stamp/1';

/** The theme as JSON, its Maps as lists of entries (JSON.stringify writes a Map as `{}`). */
const themeText = (theme: Theme): string => JSON.stringify(theme, (_key, value: unknown) => (value instanceof Map ? { $map: [...(value as Map<unknown, unknown>)] } : value));

/** The stamp of the layout of a document in this theme and page size, by the installed font packages, pdfkit and fontkit. */
export function layoutStamp(theme: Theme, pageSize: PageSize): string {
  const packages = [...fontPackageVersions()].map(([pkg, version]) => `${pkg}@${version}`).join(' ');
  return fingerprint(FORMAT, packages, JSON.stringify(pageSize), themeText(theme));
}
