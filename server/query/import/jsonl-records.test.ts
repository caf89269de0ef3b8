import { describe, expect, it } from 'vitest';
import { JsonNumberText, jsonlRecords, type JsonlRecord } from './jsonl-records';

async function read(chunks: string[]): Promise<JsonlRecord[]> {
  const out: JsonlRecord[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const batch of jsonlRecords(source())) out.push(...batch);
  return out;
}

describe('jsonlRecords', () => {
  it('reads one object a line, numbers with every digit, across chunk cuts, blank lines counted', async () => {
    const text = '{"k": 12345678901234567890123, "d": -0.0}\r\n\n{"k": 1, "t": "a\\nb"}';
    for (let cut = 0; cut <= text.length; cut++) {
      const records = await read([text.slice(0, cut), text.slice(cut)]);
      expect(records).toEqual([
        {
          kind: 'record',
          firstLine: 1,
          lastLine: 1,
          object: { k: new JsonNumberText('12345678901234567890123'), d: new JsonNumberText('-0.0') },
          size: 41,
        },
        { kind: 'record', firstLine: 3, lastLine: 3, object: { k: new JsonNumberText('1'), t: 'a\nb' }, size: 21 },
      ]);
    }
  });

  it('rejects a line that is not JSON, or not an object, and reads on', async () => {
    const records = await read(['{"k": 1}\nk,v\n[1]\n"x"\n{"k": 2}\n']);
    expect(records.map((r) => (r.kind === 'bad' ? [r.firstLine, r.reason.slice(0, 20).trim()] : r.firstLine))).toEqual([
      1,
      [2, 'not JSON: JSON value'],
      [3, 'a JSON object (one r'],
      [4, 'a JSON object (one r'],
      5,
    ]);
  });
});
