// The anonymous viewer's identity in this browser: a random key (the server derives the public
// id from it, so bans and limits follow the viewer) and the display name they chose.

/** Where the identity is kept; `localStorage` by default, memory where storage is blocked. */
export interface IdentityStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

const KEY = 'vitrine:viewer';
const NAME = 'vitrine:name';

/** Storage for this page view only (before the shopper consents to anything being stored). */
export function memoryStorage(): IdentityStorage {
  const values = new Map<string, string>();
  return { get: (key) => values.get(key) ?? null, set: (key, value) => void values.set(key, value) };
}

/** `localStorage` when the page may use it (not in some sandboxed frames or privacy modes). */
export function browserStorage(): IdentityStorage {
  try {
    const storage = globalThis.localStorage;
    const probe = '__vitrine__';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return {
      get: (key) => {
        try {
          return storage.getItem(key);
        } catch {
          return null;
        }
      },
      set: (key, value) => {
        try {
          storage.setItem(key, value);
        } catch {
          // Full or blocked: the identity lasts this page view.
        }
      },
    };
  } catch {
    return memoryStorage();
  }
}

/** A random id of `bytes` random bytes, URL-safe. */
export function randomKey(bytes = 16): string {
  const values = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(values);
  let text = '';
  for (const value of values) text += String.fromCharCode(value);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export interface ViewerIdentity {
  /** Secret key the server derives the public user id from. */
  readonly key: string;
  /** Chosen display name, empty until chosen. */
  name: string;
  /** Keeps a new display name for next time. */
  saveName(name: string): void;
  /** Moves the identity to another storage (memory to `localStorage` once the shopper consents). */
  keepIn(storage: IdentityStorage): void;
}

export function viewerIdentity(storage: IdentityStorage = browserStorage()): ViewerIdentity {
  let key = storage.get(KEY);
  if (!key || !/^[A-Za-z0-9_-]{16,64}$/.test(key)) {
    key = randomKey();
    storage.set(KEY, key);
  }
  const identity: ViewerIdentity = {
    key,
    name: storage.get(NAME) ?? '',
    saveName(name) {
      identity.name = name;
      storage.set(NAME, name);
    },
    keepIn(next) {
      storage = next;
      storage.set(KEY, identity.key);
      if (identity.name) storage.set(NAME, identity.name);
    },
  };
  return identity;
}
