import { KubeApiError } from './KubeApiError';

/**
 * Splits a byte stream into lines (watch events), refusing any line longer
 * than `maxLineBytes`: a line that never ends would otherwise grow without
 * bound. Bytes are kept as Buffers until a line is complete, so memory stays
 * within one line's cap per stream.
 */
export class LineReader {
  #parts: Buffer[] = [];
  #bytes = 0;

  constructor(
    private readonly maxLineBytes: number,
    private readonly onLine: (line: string) => void,
  ) {}

  /** Feeds a chunk; throws KubeApiError (`too-large`) past the cap. */
  push(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(10, start);
      if (newline < 0) break;
      this.#append(chunk.subarray(start, newline));
      const line = Buffer.concat(this.#parts, this.#bytes).toString('utf8');
      this.#parts = [];
      this.#bytes = 0;
      if (line.trim()) this.onLine(line);
      start = newline + 1;
    }
    if (start < chunk.length) this.#append(chunk.subarray(start));
  }

  #append(part: Buffer) {
    if (part.length === 0) return;
    this.#bytes += part.length;
    if (this.#bytes > this.maxLineBytes) {
      this.#parts = [];
      this.#bytes = 0;
      throw new KubeApiError(
        `a watch event exceeded ${this.maxLineBytes} bytes`,
        undefined,
        'too-large',
      );
    }
    // Copy: the chunk's memory belongs to the stream.
    this.#parts.push(Buffer.from(part));
  }
}

/**
 * Reads a whole body, refusing more than `maxBytes` (the rest is not read:
 * the caller destroys the connection).
 */
export async function readCapped(
  body: NodeJS.ReadableStream,
  maxBytes: number,
): Promise<Buffer> {
  const parts: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of body as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buffer.length;
    if (bytes > maxBytes) {
      throw new KubeApiError(
        `a response body exceeded ${maxBytes} bytes`,
        undefined,
        'too-large',
      );
    }
    parts.push(buffer);
  }
  return Buffer.concat(parts, bytes);
}
