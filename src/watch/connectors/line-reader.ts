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
 * reports them as malformed) so memory stays bounded. `chunkBytes` is the read size (tests make
 * it small to put lines across chunk boundaries).
 */
export async function* readLines(path: string, fromOffset: number, fromLine: number, maxBytes: number, chunkBytes = 1 << 16): AsyncGenerator<FileLine> {
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.alloc(chunkBytes);
    let position = fromOffset;
    let lineNumber = fromLine;
    // The start of a line that began in an earlier chunk (at most maxBytes + 1 of it).
    let parts: Buffer[] = [];
    let partBytes = 0;
    let lineBytes = 0;
    const keep = (piece: Buffer) => {
      lineBytes += piece.length;
      if (partBytes < maxBytes + 1) {
        const taken = Math.min(piece.length, maxBytes + 1 - partBytes);
        parts.push(Buffer.from(piece.subarray(0, taken)));
        partBytes += taken;
      }
    };
    const finish = (): string => {
      const text = Buffer.concat(parts).toString('utf8').replace(/\r$/, '');
      const line = lineBytes > maxBytes ? `${text}…` : text;
      parts = [];
      partBytes = 0;
      lineBytes = 0;
      return line;
    };
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break;
      let start = 0;
      for (let end = chunk.indexOf(0x0a, start); end !== -1 && end < bytesRead; end = chunk.indexOf(0x0a, start)) {
        lineNumber += 1;
        let text: string;
        if (lineBytes === 0 && end - start <= maxBytes) {
          // The common case: the whole line is in this chunk; decode it in place.
          text = chunk.toString('utf8', start, end > start && chunk[end - 1] === 0x0d ? end - 1 : end);
        } else {
          keep(chunk.subarray(start, end));
          text = finish();
        }
        yield { number: lineNumber, text, nextOffset: position + end + 1 };
        start = end + 1;
      }
      keep(chunk.subarray(start, bytesRead));
      position += bytesRead;
    }
    if (lineBytes > 0) {
      lineNumber += 1;
      yield { number: lineNumber, text: finish(), nextOffset: position };
    }
  } finally {
    await handle.close();
  }
}
