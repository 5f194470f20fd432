/// <reference types="node" />
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { uploadCiphertext } from './uploadCiphertext';

/** The tus subset document-service speaks (HEAD, PATCH at the server's offset), cutting one request midway. */
function tusServer(size: number, cutAfter: number) {
  const received: number[] = [];
  let cut = false;
  const tokens: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    tokens.push(String(req.headers.authorization));
    if (req.method === 'HEAD') {
      res.writeHead(200, { 'Tus-Resumable': '1.0.0', 'Upload-Offset': String(received.length), 'Upload-Length': String(size) });
      res.end();
      return;
    }
    if (Number(req.headers['upload-offset']) !== received.length) {
      res.writeHead(409, { 'Content-Type': 'application/problem+json' });
      res.end(JSON.stringify({ type: 'https://attest.dev/problems/upload-offset-mismatch', status: 409 }));
      return;
    }
    req.on('data', (chunk: Buffer) => {
      if (!cut && received.length + chunk.length > cutAfter) {
        const keep = cutAfter - received.length;
        for (const b of chunk.subarray(0, keep)) received.push(b);
        cut = true;
        req.socket.destroy(); // the connection drops midway: the server keeps what it got
        return;
      }
      for (const b of chunk) received.push(b);
    });
    req.on('end', () => {
      if (res.destroyed) return;
      res.writeHead(204, { 'Tus-Resumable': '1.0.0', 'Upload-Offset': String(received.length) });
      res.end();
    });
  });
  return { server, received, tokens, wasCut: () => cut };
}

let running: Server | undefined;
afterEach(() => running?.close());

describe('resumable upload of a sealed document', () => {
  it('resumes from the offset the server has after the connection is cut, with progress to the end', async () => {
    const ciphertext = new Uint8Array(300_000).map((_, i) => (i * 31) & 0xff);
    const tus = tusServer(ciphertext.length, 150_000);
    running = tus.server;
    await new Promise<void>((resolve) => tus.server.listen(0, '127.0.0.1', resolve));
    const port = (tus.server.address() as AddressInfo).port;
    const progress: number[] = [];

    await uploadCiphertext({
      uploadUrl: `http://127.0.0.1:${port}/documents/uploads/doc-1`,
      ciphertext: Buffer.from(ciphertext),
      size: ciphertext.length,
      token: () => 'token-1',
      chunkSize: 100_000,
      retryDelays: [0, 10, 10],
      onProgress: (sent) => progress.push(sent),
    }).done;

    expect(tus.wasCut()).toBe(true);
    expect(Uint8Array.from(tus.received)).toEqual(ciphertext);
    expect(progress.at(-1)).toBe(ciphertext.length);
    expect(tus.tokens.every((t) => t === 'Bearer token-1')).toBe(true);
  });
});
