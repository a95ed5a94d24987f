import busboy from 'busboy';
import { BodyMalformedError, BodyTooLargeError } from './body-parser-errors';

/** A file from a multipart/form-data body, held in memory (the route's body limit bounds it). */
export interface UploadedFile {
  fieldName: string;
  /** As the browser sent it (UTF-8), without any path. */
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

export interface MultipartLimits {
  /** The largest file taken, in bytes (a file of exactly this size is accepted; one byte more is a 413). */
  fileBytes: number;
  files?: number;
  fields?: number;
  fieldBytes?: number;
}

export interface MultipartBody {
  /** The first value of each field. */
  fields: Record<string, string>;
  files: UploadedFile[];
}

/** Parses a multipart/form-data body with busboy; a file over its limit is a 413, a malformed body a 400. */
export function parseMultipart(body: Buffer, contentType: string, limits: MultipartLimits, tooLargeMessage?: string): Promise<MultipartBody> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    const files: UploadedFile[] = [];
    let failure: Error | undefined;
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { 'content-type': contentType },
        defParamCharset: 'utf8',
        // busboy reports the limit when a file reaches `fileSize`, so one byte more than the largest file taken.
        limits: { fileSize: limits.fileBytes + 1, files: limits.files ?? 1, fields: limits.fields ?? 20, fieldSize: limits.fieldBytes ?? 16 * 1024, parts: 50 },
      });
    } catch (error) {
      reject(new BodyMalformedError({ cause: error, detail: 'Unreadable multipart content type' }));
      return;
    }
    parser.on('field', (name, value) => {
      if (!Object.hasOwn(fields, name)) Object.defineProperty(fields, name, { value, enumerable: true, writable: true, configurable: true });
    });
    parser.on('file', (fieldName, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        failure ??= new BodyTooLargeError({ detail: `File over ${limits.fileBytes} bytes`, userMessage: tooLargeMessage });
      });
      stream.on('close', () => {
        const fileName = (info.filename ?? '').split(/[\\/]/).pop() ?? '';
        if (fileName || chunks.length > 0) files.push({ fieldName, fileName, contentType: info.mimeType, bytes: Buffer.concat(chunks) });
      });
    });
    parser.on('filesLimit', () => {
      failure ??= new BodyMalformedError({ detail: 'Too many files' });
    });
    parser.on('error', (error) => reject(new BodyMalformedError({ cause: error, detail: 'Malformed multipart body' })));
    parser.on('close', () => (failure ? reject(failure) : resolve({ fields, files })));
    parser.end(body);
  });
}
