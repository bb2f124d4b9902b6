import type { IncomingMessage } from 'node:http';
import { ErrorCode } from '../shared/error-codes';

/** Why a request body could not be read: the HTTP status and the code answered (see sendGraphQLError). */
export class RequestBodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RequestBodyError';
  }
}

/** Whether a Content-Type names JSON: application/json, or any `+json` type such as application/graphql+json. */
function isJson(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/**
 * Reads a POST body of at most `limitBytes` bytes (UTF-8) and parses it when its Content-Type is JSON; any other
 * type comes back as the raw string, which Apollo answers 400 for a GraphQL POST. An empty body is `undefined`.
 * Stops reading as soon as the limit is passed (a declared Content-Length over it is refused before reading).
 * The time a slow client may take is bounded by the server's request timeout, not here.
 * @throws RequestBodyError 413 PAYLOAD_TOO_LARGE over the limit, 400 BAD_REQUEST for JSON that does not parse,
 *   415 BAD_REQUEST for a compressed body (Content-Encoding other than identity), which is not accepted.
 */
export async function readRequestBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const tooLarge = () =>
    new RequestBodyError(413, ErrorCode.PAYLOAD_TOO_LARGE, `The request body exceeds the limit of ${limitBytes} bytes`);
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity') {
    throw new RequestBodyError(415, ErrorCode.BAD_REQUEST, `Content-Encoding ${encoding} is not accepted`);
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge();
  const { text, size } = await new Promise<{ text: string; size: number }>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    // Listeners, not `for await`: leaving that loop early destroys the socket, and the 413 could not be sent.
    req.on('data', (chunk: Buffer) => {
      if (failed) return; // the rest is read and dropped; the answer closes the connection
      size += chunk.length;
      if (size > limitBytes) {
        failed = true;
        chunks.length = 0;
        reject(tooLarge());
      } else chunks.push(chunk);
    });
    req.once('end', () => {
      if (!failed) resolve({ text: Buffer.concat(chunks, size).toString('utf8'), size });
    });
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new Error('The client closed the connection before sending the whole body'));
    });
  });
  if (size === 0) return undefined;
  if (!isJson(req.headers['content-type'])) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new RequestBodyError(
      400,
      ErrorCode.BAD_REQUEST,
      `The request body is not valid JSON: ${(error as Error).message}`,
    );
  }
}
