import * as assert from 'node:assert/strict';
import { isOpenableLink, parseDiagramState, parseToHost } from '../../../src/vscode/diagramMessages';

describe('messages from the diagram webview', () => {
  it('accepts exactly the ToHost shapes', () => {
    assert.deepEqual(parseToHost({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseToHost({ type: 'reveal', id: 'Bucket', extra: 1 }), { type: 'reveal', id: 'Bucket' });
    assert.deepEqual(parseToHost({ type: 'select', id: 'aws_s3_bucket.logs' }), { type: 'select', id: 'aws_s3_bucket.logs' });
    assert.deepEqual(parseToHost({ type: 'openLink', url: 'https://docs.aws.amazon.com/' }), { type: 'openLink', url: 'https://docs.aws.amazon.com/' });
    assert.deepEqual(parseToHost({ type: 'exportReport' }), { type: 'exportReport' });
    assert.deepEqual(parseToHost({ type: 'rendered', resources: ['A', 'B'], selectedId: 'A' }), { type: 'rendered', resources: ['A', 'B'], selectedId: 'A' });
  });

  it('rejects anything else', () => {
    for (const raw of [
      undefined, null, 'ready', 42, [], {}, { type: 'unknown' }, { type: 'reveal' }, { type: 'reveal', id: 3 }, { type: 'reveal', id: '' },
      { type: 'reveal', id: 'x'.repeat(5000) }, { type: 'openLink', url: {} }, { type: 'rendered', resources: [1] },
      { type: 'rendered', resources: 'A' }, { type: 'rendered', resources: [], selectedId: 7 }, { type: '__proto__' },
    ]) {
      assert.equal(parseToHost(raw), undefined, JSON.stringify(raw));
    }
  });

  it('opens only https links the host sent itself', () => {
    const sent = new Set(['https://docs.aws.amazon.com/AmazonS3/latest/userguide/security.html']);
    assert.equal(isOpenableLink('https://docs.aws.amazon.com/AmazonS3/latest/userguide/security.html', sent), true);
    assert.equal(isOpenableLink('https://evil.example/', sent), false);
    assert.equal(isOpenableLink('command:workbench.action.terminal.new', new Set(['command:workbench.action.terminal.new'])), false);
    assert.equal(isOpenableLink('http://docs.aws.amazon.com/', new Set(['http://docs.aws.amazon.com/'])), false);
    assert.equal(isOpenableLink('not a url', sent), false);
  });

  it('keeps only well-formed fields of a restored state', () => {
    assert.deepEqual(parseDiagramState({ uri: 'file:///a.yaml', selectedId: 'A', expanded: ['customer_data', 3] }), { uri: 'file:///a.yaml', selectedId: 'A', expanded: ['customer_data'] });
    assert.deepEqual(parseDiagramState(undefined), {});
    assert.deepEqual(parseDiagramState({ uri: 5 }), {});
    // The template view's filter, sort and collapsed groups.
    assert.deepEqual(parseDiagramState({ onlyOpen: true, sort: 'severity', collapsed: ['data', {}] }), { onlyOpen: true, sort: 'severity', collapsed: ['data'] });
    assert.deepEqual(parseDiagramState({ onlyOpen: 'yes', sort: 'random', collapsed: 'data' }), {});
  });
});
