"""Does every screen read cleanly? A check over Flutter's accessibility tree in Chromium.

`unreadable(page, width)` lists, one line each:
- a labelled or text node that sticks out past the right edge (horizontal scrolling);
- an app bar title that fills all the room up to the first action or the edge: Flutter
  cuts such a title with "..." ("First-officer checkli...");
- a text node too narrow for its own longest word: Flutter then breaks words letter by
  letter ("Tim / e sin / ce");
- a one-line text node whose text cannot fit its width even at the smallest size the app
  draws that line at: the end was cut off.

Text is measured with Roboto (the font the web client draws with, served by the Flet
web client as /assets/fonts/roboto.woff2) on a canvas. Flutter gives a text node the
box of its painted lines and no font size, so sizes are bounded from the box height
with the line heights the Material 3 text styles use (1.15 to 1.6 times the font size).
"""

from __future__ import annotations

CHECK = """async (width) => {
  if (!document.fonts.check('12px StairwayMeasure')) {
    const face = new FontFace('StairwayMeasure', 'url(/assets/fonts/roboto.woff2)');
    await face.load();
    document.fonts.add(face);
  }
  const ctx = document.createElement('canvas').getContext('2d');
  const at100 = (t) => { ctx.font = '100px StairwayMeasure'; return ctx.measureText(t).width; };
  const LH_MIN = 1.15, LH_MAX = 1.6, SMALLEST = 10, SLACK = 1.08;
  const out = [];
  const say = (text, why, r) =>
    out.push(`${text.slice(0, 40)}: ${why} (${Math.round(r.width)}x${Math.round(r.height)}`
             + ` at ${Math.round(r.left)},${Math.round(r.top)})`);
  const nodes = [...document.querySelectorAll('flt-semantics')];
  for (const e of nodes) {
    const r = e.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) continue;
    const span = [...e.children].find(c => c.tagName === 'SPAN');
    const text = (span ? span.textContent : '').trim();
    const name = e.getAttribute('aria-label') || text
                 || (e.children.length === 0 ? e.textContent.trim() : '');
    if ((e.getAttribute('role') || name) && r.right > width + 1
        && !e.closest('[style*="overflow-x: scroll"]')) {
      say(name, `sticks out past the right edge (right=${Math.round(r.right)})`, r);
    }
    if (!text || text.length < 4) continue;  // only plain text nodes: no padding in the box
    const scroller = e.closest('[style*="overflow-y: scroll"]');
    if (scroller) {  // cut by the scrolling area's edge: the box is not the text's
      const s = scroller.getBoundingClientRect();
      if (r.top <= s.top + 1 || r.bottom >= s.bottom - 1) continue;
    }
    const words = text.split(/\\s+/).filter(Boolean);
    const longest = Math.max(...words.map(at100));
    const maxLines = words.length + (text.match(/\\n/g) || []).length;
    let fits = false;
    for (let k = 1; k <= maxLines && !fits; k++) {
      const f = r.height / (LH_MAX * k);  // the smallest font that makes k lines this tall
      if (f < SMALLEST) break;
      fits = longest * f / 100 <= r.width * SLACK;
    }
    if (!fits) say(text, 'too narrow for its words: they break mid-word', r);
    const oneLine = r.height < 2 * SMALLEST * LH_MIN;
    if (oneLine && at100(text) * (r.height / LH_MAX) / 100 > r.width * SLACK) {
      say(text, 'one line that cannot fit: its end is cut off', r);
    }
  }
  // App bar titles: a heading in the top bar that reaches the first action (or the edge).
  const bar = nodes.find(e => { const r = e.getBoundingClientRect();
    return r.top === 0 && r.height >= 48 && r.height <= 72 && r.width >= width - 1; });
  if (bar) {
    const br = bar.getBoundingClientRect();
    const inBar = [...bar.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]')];
    const actions = [...bar.querySelectorAll('[role=button]')]
      .map(b => b.getBoundingClientRect()).filter(b => b.left > br.width / 3);
    const limit = Math.min(width, ...actions.map(b => b.left)) - 16;
    for (const h of inBar) {
      const r = h.getBoundingClientRect();
      if (r.width > 0 && r.right >= limit - 1) {
        say(h.textContent.trim(), `app bar title reaches x=${Math.round(limit)}: cut off`, r);
      }
    }
  }
  return out;
}"""


def unreadable(page, width: int) -> list[str]:
    """Every reason the screen shown does not read cleanly at this viewport width."""
    return page.evaluate(CHECK, width)
