// Resumable upload of a sealed document with the tus protocol (tus-js-client), to the upload URL the service gave
// when the document was declared (POST /documents/cases/{id}/documents). A cut connection is resumed from the offset
// the server reports (HEAD), never from the start; the service refuses a chunk at any other offset.
import { Upload, type HttpRequest } from 'tus-js-client';

/** Chunks stay well under the gateway's 1M body limit. */
export const CHUNK_BYTES = 512 * 1024;

export interface UploadCiphertextOptions {
  /** Absolute URL of the document's upload (`upload_url` resolved against the API's origin). */
  uploadUrl: string;
  /** The ciphertext: a Blob in the browser; Node's tus client (the tests) takes a Buffer. */
  ciphertext: Blob | Uint8Array;
  size: number;
  /** The current access token, asked for before every request (an upload can outlast a token). */
  token: () => string | Promise<string>;
  onProgress?: (sent: number, total: number) => void;
  chunkSize?: number;
  /** Pauses before each new try after a failure (network cut, 5xx, 409 offset mismatch, 423). */
  retryDelays?: number[];
}

export interface RunningUpload {
  done: Promise<void>;
  /** Stops sending; `start` again resumes where the server stands. */
  pause: () => Promise<void>;
  start: () => void;
}

export function uploadCiphertext(options: UploadCiphertextOptions): RunningUpload {
  let upload: Upload | undefined;
  const done = new Promise<void>((resolve, reject) => {
    upload = new Upload(options.ciphertext as Blob, {
      uploadUrl: options.uploadUrl,
      uploadSize: options.size,
      chunkSize: options.chunkSize ?? CHUNK_BYTES,
      retryDelays: options.retryDelays ?? [0, 1000, 3000, 5000, 10000],
      storeFingerprintForResuming: false,
      onBeforeRequest: async (request: HttpRequest) => {
        request.setHeader('Authorization', `Bearer ${await options.token()}`);
      },
      onProgress: (sent, total) => options.onProgress?.(sent, total),
      onSuccess: () => resolve(),
      onError: (error) => reject(error),
    });
    upload.start();
  });
  return {
    done,
    pause: async () => {
      await upload?.abort(false);
    },
    start: () => upload?.start(),
  };
}
