import { useApi } from '../api/ApiContext';
import { unwrap, type Api } from '../api/client';
import type { components } from '../api/generated/document-service';
import { ApiError } from '../api/problem';
import { useAuth } from '../auth/AuthContext';
import { useAction, useAsync } from '../hooks/useAsync';
import type { PublicJwk } from './documentCrypto';
import type { Recipient } from './documents';
import {
  createPartyKey,
  keyStatus,
  keyVault,
  loadPartyKey,
  readRecoveryFile,
  RecoveryFileError,
  sameKey,
  savePartyKey,
  type KeyStatus,
  type RecoveryFile,
} from './keyStore';

export interface DocumentKeyState {
  status: KeyStatus;
  /** The key registered for the caller (`GET /documents/keys/me`), or null. */
  registered: Recipient | null;
}

type KeyInput = components['schemas']['KeyInput'];

async function register(api: Api, publicKey: PublicJwk): Promise<Recipient> {
  // public_key is a free JSON object in the document (typed as Jackson's JsonNode there).
  const body: KeyInput = { public_key: publicKey as unknown as KeyInput['public_key'] };
  return unwrap(api.document.PUT('/documents/keys/me', { body }));
}

/**
 * The signed-in person's document key: this browser's (IndexedDB) against the registered one. A key made here whose
 * registration did not complete is registered on the next load.
 */
export function useDocumentKey() {
  const api = useApi();
  const { claims } = useAuth();
  const subject = claims?.sub ?? '';
  const state = useAsync(async (signal): Promise<DocumentKeyState> => {
    const local = subject ? await loadPartyKey(keyVault(), subject) : undefined;
    let registered: Recipient | null = null;
    try {
      registered = await unwrap(api.document.GET('/documents/keys/me', { signal }));
    } catch (failure) {
      if (!(failure instanceof ApiError && failure.status === 404)) throw failure;
    }
    const status = keyStatus(local, (registered?.public_key as unknown as PublicJwk | undefined) ?? null);
    if (status.kind === 'unregistered') {
      registered = await register(api, status.local.publicKey);
      return { status: { kind: 'ready', local: status.local }, registered };
    }
    return { status, registered };
  }, [api, subject]);

  /**
   * A new key pair, replacing a registered one. The recovery file is handed over before anything can fail, and the
   * key is kept here before it is registered, so that an interrupted registration is finished on the next load.
   */
  const create = useAction(async (passphrase: string, onRecovery: (file: RecoveryFile) => void): Promise<true> => {
    const { key, recovery } = await createPartyKey(passphrase);
    onRecovery(recovery);
    await savePartyKey(keyVault(), subject, key);
    await register(api, key.publicKey);
    state.reload();
    return true;
  });

  /** Restores the registered key from its recovery file (or registers the file's key when none is registered). */
  const restore = useAction(async (text: string, passphrase: string): Promise<true> => {
    const { privateKey, publicKey } = await readRecoveryFile(text, passphrase);
    const registered = state.data?.registered?.public_key as unknown as PublicJwk | undefined;
    if (registered && !sameKey(registered, publicKey)) {
      throw new RecoveryFileError(
        'This recovery file holds another key than the one registered for you: choose the file made with that key, or make a new key.',
      );
    }
    if (!registered) await register(api, publicKey);
    await savePartyKey(keyVault(), subject, { privateKey, publicKey, createdAt: new Date().toISOString() });
    state.reload();
    return true;
  });

  const ready = state.data?.status.kind === 'ready' ? state.data.status.local : null;
  return { state, create, restore, ready };
}

export type DocumentKey = ReturnType<typeof useDocumentKey>;
