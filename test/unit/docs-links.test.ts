/**
 * Every relative link of README.md, docs/*.md, CONTRIBUTING.md and
 * ARCHITECTURE.md resolves: the file (or folder) is in the repository, and an
 * anchor (#…) names a heading of the page it points to, as GitHub makes
 * anchors of headings. Links to the web are not followed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run.js';

const DOCUMENTS = [
  'README.md',
  'CONTRIBUTING.md',
  'ARCHITECTURE.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** The text without code blocks and code spans, where brackets are not links. */
const prose = (markdown: string) => markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '``');

/** GitHub's anchor of a heading: lower case, punctuation gone (but - and _), each space a -, a -1, -2 … for repeats. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const [, heading] of markdown.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const text = heading!
      .replace(/`/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase();
    const slug = text.replace(/[^\p{L}\p{N}\- _]/gu, '').replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return out;
}

/** Every [text](target) and ![alt](target) whose target is not on the web. */
function relativeLinks(markdown: string): string[] {
  return [...prose(markdown).matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?: "[^"]*")?\)/g)]
    .map((m) => m[1]!)
    .filter((target) => !/^[a-z][a-z+.-]*:/i.test(target));
}

const links = DOCUMENTS.flatMap((document) =>
  relativeLinks(readFileSync(join(ROOT, document), 'utf8')).map((target) => [document, target] as const),
);

describe('links in the documentation', () => {
  it('there are links to check', () => {
    expect(links.length).toBeGreaterThan(30);
  });

  it.each(links)('%s → %s', (document, target) => {
    const [path, anchor] = target.split('#') as [string, string | undefined];
    const file = path === '' ? join(ROOT, document) : normalize(join(ROOT, dirname(document), decodeURIComponent(path)));
    expect(relative(ROOT, file).startsWith('..'), 'inside the repository').toBe(false);
    expect(existsSync(file), `${relative(ROOT, file)} exists`).toBe(true);
    if (anchor !== undefined) {
      expect(file.endsWith('.md') && statSync(file).isFile(), 'an anchor points into a Markdown page').toBe(true);
      expect([...anchors(readFileSync(file, 'utf8'))]).toContain(anchor);
    }
  });

  it('makes anchors as GitHub does', () => {
    const page =
      '# Estimates\n## A site calibration: `--fit`\n## How far to trust it?\n## How far to trust it?\n```sh\n# not a heading\n```\n';
    expect([...anchors(page)]).toEqual(['estimates', 'a-site-calibration---fit', 'how-far-to-trust-it', 'how-far-to-trust-it-1']);
  });
});
