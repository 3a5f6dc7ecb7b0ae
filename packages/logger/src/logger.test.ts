import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './index';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { lines, stream };
}

describe('logger', () => {
  it('redacts personal data wherever it appears in a log line', () => {
    const { lines, stream } = capture();
    const log = createLogger({ name: 't', destination: stream });
    log.info({ patient: { idNumber: '11010519491231002X', name: '张三', phone: '13812345678' }, record: { idNumber: '440524188001010014' }, batchId: 'b1' }, 'x');
    const out = lines.join('');
    expect(out).not.toContain('11010519491231002X');
    expect(out).not.toContain('440524188001010014');
    expect(out).not.toContain('张三');
    expect(out).not.toContain('13812345678');
    expect(out).toContain('b1');
    expect(out).toContain('[REDACTED]');
  });

  it('writes JSON lines with the service name and level', () => {
    const { lines, stream } = capture();
    createLogger({ name: 'worker', destination: stream }).warn({ n: 1 }, 'careful');
    const entry = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(entry).toMatchObject({ service: 'worker', level: 40, msg: 'careful', n: 1 });
  });
});
