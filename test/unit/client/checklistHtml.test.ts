import * as assert from 'node:assert/strict';
import { checklistHtml, type ChecklistView } from '../../../client/src/checklistHtml';

const HOSTILE = '<img src=x onerror="alert(1)"> & </script><script>alert(2)</script>';

function view(text: string): ChecklistView {
  return {
    title: `"${HOSTILE}".opnote`,
    noteUri: 'file:///w/a.opnote',
    codes: [{ code: '64596', units: 1 }],
    items: [
      {
        id: 'imaging',
        component: 'Imaging guidance (included in 64596)',
        mark: '✓',
        status: 'documented',
        finding: HOSTILE,
        evidence: { line: 3, text, highlight: { start: 4, end: 14 }, range: { start: { line: 2, character: 4 }, end: { line: 2, character: 14 } } },
      },
      { id: 'laterality', component: 'Side', mark: '!', status: 'missing', finding: 'no side documented' },
    ],
  };
}

describe('checklist view page (client)', () => {
  it('escapes every string from the note or the server, so note text cannot become markup or script', () => {
    const html = checklistHtml(view(`via ultrasound ${HOSTILE}`), 'N0NCE');
    assert.doesNotMatch(html, /<img|onerror="|<script>alert/);
    assert.match(html, /&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt; &amp; &lt;\/script&gt;/);
    // The only script and style are the page's own, with the nonce the policy names.
    assert.deepEqual([...html.matchAll(/<(script|style)\b([^>]*)>/g)].map((tag) => `${tag[1]}${tag[2]}`), ['style nonce="N0NCE"', 'script nonce="N0NCE"']);
    assert.match(html, /content="default-src 'none'; style-src 'nonce-N0NCE'; script-src 'nonce-N0NCE';"/);
  });

  it('marks the supporting words and gives every status in words as well as colour', () => {
    const html = checklistHtml(view('via ultrasound guidance'), 'N0NCE');
    assert.match(html, /<button type="button" class="evidence reveal" data-item="0"[^>]*><span class="line">line 3<\/span> via <mark>ultrasound<\/mark> guidance<\/button>/);
    assert.match(html, /<li class="documented" data-id="imaging">.*✓<\/span> Documented</);
    assert.match(html, /<li class="missing" data-id="laterality">.*!<\/span> Missing</);
    assert.match(html, /Codes the documentation supports: <span class="code">64596 x1<\/span>/);
  });

  it('says what to open when there is no note to read', () => {
    assert.match(checklistHtml(null, 'N0NCE'), /No operative note to read/);
  });
});
