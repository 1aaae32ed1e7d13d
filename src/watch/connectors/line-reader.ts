import { open } from 'node:fs/promises';

export interface FileLine {
  /** 1-based line number within the file. */
  number: number;
  text: string;
  /** Byte offset just after this line's newline: where reading resumes. */
  nextOffset: number;
}

/**
 * Reads a file's lines from a byte offset, tracking exact byte offsets so that a reader can
 * resume after a restart at the line after the last one it committed. A final line without a
 * newline is returned too. Lines longer than `maxBytes` are returned truncated (the caller
 * reports them as malformed) so memory stays bounded.
 */
export async function* readLines(path: string, fromOffset: number, fromLine: number, maxBytes: number): AsyncGenerator<FileLine> {
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.alloc(1 << 16);
    let position = fromOffset;
    let lineNumber = fromLine;
    let parts: Buffer[] = [];
    let partBytes = 0;
    let lineBytes = 0;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break;
      let start = 0;
      for (let i = 0; i < bytesRead; i++) {
        if (chunk[i] !== 0x0a) continue;
        const piece = chunk.subarray(start, i);
        lineBytes += piece.length;
        if (partBytes < maxBytes + 1) {
          parts.push(Buffer.from(piece.subarray(0, maxBytes + 1 - partBytes)));
          partBytes += Math.min(piece.length, maxBytes + 1 - partBytes);
        }
        lineNumber += 1;
        const text = Buffer.concat(parts).toString('utf8').replace(/\r$/, '');
        yield { number: lineNumber, text: lineBytes > maxBytes ? `${text}…` : text, nextOffset: position + i + 1 };
        parts = [];
        partBytes = 0;
        lineBytes = 0;
        start = i + 1;
      }
      const rest = chunk.subarray(start, bytesRead);
      lineBytes += rest.length;
      if (partBytes < maxBytes + 1) {
        parts.push(Buffer.from(rest.subarray(0, maxBytes + 1 - partBytes)));
        partBytes += Math.min(rest.length, maxBytes + 1 - partBytes);
      }
      position += bytesRead;
    }
    if (lineBytes > 0) {
      lineNumber += 1;
      const text = Buffer.concat(parts).toString('utf8').replace(/\r$/, '');
      yield { number: lineNumber, text: lineBytes > maxBytes ? `${text}…` : text, nextOffset: position };
    }
  } finally {
    await handle.close();
  }
}
