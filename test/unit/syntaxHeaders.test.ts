import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paramOf, readNameAddr, readVia } from '../../server/src/service/syntax/headers';
import { readRequestLine } from '../../server/src/service/syntax/startLine';

test('From and To: the user part, else the display name, else the host; the tag in any case, blanks around its name', () => {
  const read = (value: string) => readNameAddr(value);
  assert.deepEqual(read('"Al\\"ice" <sip:1001@pbx;user=phone>;tag=abc'), { who: '1001', tag: 'abc' });
  assert.deepEqual(read('sip:1001;x=y@pbx;TAG=x'), { who: '1001', tag: 'x' });
  assert.deepEqual(read('<TEL:+4930;phone-context=x>;Tag = q'), { who: '+4930', tag: 'q' });
  assert.deepEqual(read('"Bob" <sip:pbx.example>'), { who: 'Bob' });
  assert.deepEqual(read('<sip:pbx.example:5060>;tag'), { who: 'pbx.example:5060' }, 'a tag without a value is no tag');
  assert.deepEqual(read('sips:a@b ; tag=1 , sip:c@d'), { who: 'a', tag: '1' });
  assert.deepEqual(read('<sip:a@b>;xtag=1;\u00a0tag\u00a0=2'), { who: 'a', tag: '2' }, 'what trim() takes off, and only the parameter of that name');
});

test('Via: the branch parameter in any case, with blanks around its name; a Via line is no request line', () => {
  assert.deepEqual(readVia('SIP/2.0/UDP 1.2.3.4:5060;rport; BRANCH =z9hG4bK1;x'), { transport: 'UDP', sentBy: '1.2.3.4:5060', branch: 'z9hG4bK1' });
  assert.equal(paramOf('SIP/2.0/UDP h;branches=1', 'branch'), undefined);
  assert.equal(readRequestLine('Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1'), undefined);
  assert.equal(readRequestLine('INVITE sip:2002@pbx sip/2.0')?.method, 'INVITE', 'the version in any case');
  assert.equal(readRequestLine('INVITE sip:2002@pbx SIP/2.1'), undefined);
});
