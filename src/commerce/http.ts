// One fetch helper for product sources and cart adapters: JSON in and out, an abort signal, and
// failures that say which kind they are (the caller turns them into its own errors).

/** The request never got an answer: offline, DNS, CORS, connection reset, aborted or timed out. */
export class NetworkFailure extends Error {
  override readonly name = 'NetworkFailure';
}

/** The server answered with an HTTP error status. `body` is its JSON when it sent JSON. */
export class HttpFailure extends Error {
  override readonly name = 'HttpFailure';
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Headers,
    message: string,
  ) {
    super(message);
  }
}

/** The server answered 2xx but the body is not JSON. */
export class MalformedResponse extends Error {
  override readonly name = 'MalformedResponse';
}

export interface JsonResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly data: T;
}

export interface JsonRequest {
  readonly method?: 'GET' | 'POST';
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal | undefined;
}

async function readJson(response: Response): Promise<{ ok: true; value: unknown } | { ok: false; text: string }> {
  const text = await response.text();
  try {
    return { ok: true, value: text === '' ? null : JSON.parse(text) };
  } catch {
    return { ok: false, text };
  }
}

/**
 * Fetches JSON with the page's cookies (same origin). Throws `NetworkFailure`, `HttpFailure`
 * or `MalformedResponse`; an aborted signal gives `NetworkFailure` whose cause is the abort reason.
 */
export async function requestJson<T = unknown>(url: string | URL, request: JsonRequest = {}): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? null : JSON.stringify(request.body),
      credentials: 'same-origin',
      signal: request.signal ?? null,
    });
  } catch (error) {
    throw new NetworkFailure(`${request.method ?? 'GET'} ${String(url)} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: request.signal?.aborted ? request.signal.reason : error });
  }
  let body: Awaited<ReturnType<typeof readJson>>;
  try {
    body = await readJson(response);
  } catch (error) {
    throw new NetworkFailure(`${request.method ?? 'GET'} ${String(url)}: the answer was cut off`, { cause: error });
  }
  if (!response.ok) {
    throw new HttpFailure(response.status, body.ok ? body.value : undefined, response.headers, `${request.method ?? 'GET'} ${String(url)} answered HTTP ${response.status}`);
  }
  if (!body.ok) {
    throw new MalformedResponse(`${request.method ?? 'GET'} ${String(url)} answered ${response.status} with a body that is not JSON: ${JSON.stringify(body.text.slice(0, 60))}`);
  }
  return { status: response.status, headers: response.headers, data: body.value as T };
}

/** Seconds from a `Retry-After` header (delta seconds or an HTTP date), when it has one. */
export function retryAfterSeconds(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
