/** The HTML report's pieces: escaping, links, bar geometry, and a hostile fleet drawn harmlessly. */
import { describe, expect, it } from 'vitest';
import { esc, gaugeSvg, link, share } from '../../src/render/formats/html/elements.js';
import { runInProcess } from '../helpers/in-process.js';

describe('HTML pieces', () => {
  it('escapes every character that could open markup or end an attribute', () => {
    expect(esc(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it.each([
    ['https://example.com/a?b=1&c=2', '<a href="https://example.com/a?b=1&amp;c=2">cite</a>'],
    ['http://example.com', '<a href="http://example.com">cite</a>'],
    ['javascript:alert(1)', 'cite'],
    ['file:///etc/passwd', 'cite'],
    ['https://example.com/"onmouseover="x', 'cite'],
    [undefined, 'cite'],
  ])('links %s only if it is a web address', (url, html) => {
    expect(link('cite', url)).toBe(html);
  });

  it.each([
    [0n, 100n, 0],
    [747n, 1000n, 74.7],
    [1n, 3n, 33.33],
    [150n, 100n, 100],
    [5n, 0n, 0],
    [10n ** 30n, 10n ** 31n, 10],
  ])('%s of %s is %s %% of a bar', (value, whole, percent) => {
    expect(share(value, whole)).toBe(percent);
  });

  it('draws a gauge with its ceiling tick, red when over', () => {
    expect(gaugeSvg({ value: 747n, full: 1000n, limit: 700n, over: true })).toBe(
      '<svg class="gauge over" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true"><rect class="track" width="100" height="6"/>' +
        '<rect class="fill" width="74.7" height="6"/><line class="limit" x1="70" x2="70" y1="0" y2="6"/></svg>',
    );
  });
});

describe('a fleet with hostile names', () => {
  it('is shown as text, never as markup', async () => {
    const fleet = {
      name: '<script>alert(1)</script>',
      segments: [{ name: '"><img src=x onerror=alert(1)>', link: '1Gb/s', cameras: [{ bitrate: '2Mb/s', count: 3, label: '</td><b>' }] }],
    };
    const { stdout, code } = await runInProcess(['-', '--format', 'html'], { input: JSON.stringify(fleet) });
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/<script|<img|<\/td><b>/);
    expect(stdout).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(stdout).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(stdout).toContain('&lt;/td&gt;&lt;b&gt;');
  });
});
