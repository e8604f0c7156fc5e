import * as assert from 'node:assert/strict';
import { LineIndex } from '../../../src/core/syntax/lineIndex';
import { textEdit } from '../../../src/core/template/reparse';

/** A small deterministic generator, so a failure names its seed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const PIECES = ['a', 'bc', ' ', '\n', '\r', '\r\n', '\n\n', 'x\r'];

describe('LineIndex after an edit (line starts moved, only the edited lines scanned)', () => {
  it('gives every offset the position a fresh index gives, across \\n, \\r\\n and lone \\r', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const next = random(seed);
      const piece = () => PIECES[Math.floor(next() * PIECES.length)]!;
      let before = '';
      for (let i = 0; i < 30; i++) before += piece();
      const at = Math.floor(next() * (before.length + 1));
      const removed = Math.floor(next() * 4);
      const after = before.slice(0, at) + (next() < 0.7 ? piece() : '') + before.slice(at + removed);
      const edit = textEdit(before, after);
      if (!edit) continue;
      const previous = new LineIndex(before);
      previous.positionAt(0); // line starts are computed on first use; the edited index starts from them
      const edited = LineIndex.afterEdit(previous, after, edit);
      const fresh = new LineIndex(after);
      assert.equal(edited.lineCount, fresh.lineCount, `seed ${seed}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
      for (let offset = 0; offset <= after.length; offset++) {
        assert.deepEqual(edited.positionAt(offset), fresh.positionAt(offset), `seed ${seed}, offset ${offset}: ${JSON.stringify(after)}`);
      }
    }
  });

  it('is computed from scratch when the previous index never computed its line starts', () => {
    const edited = LineIndex.afterEdit(new LineIndex('a\nb\n'), 'a\nbc\nd', { start: 3, oldEnd: 3, delta: 3 });
    assert.deepEqual(edited.positionAt(6), { line: 2, character: 1 });
  });
});
