/**
 * One HTTP request with Node's own client: a timeout, extra headers and a CA file for TLS (which
 * fetch cannot take), and errors that say what happened without printing the URL's secrets.
 */
import { request as httpRequest } from 'http';
import { request as httpsRequest } from 'https';

export interface HttpOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** PEM certificates to trust besides the system's (a private CA). */
  ca?: string;
}

export interface HttpResponse {
  status: number;
  text: string;
}

/** Bodies are read up to this size: a wrong URL can answer anything. */
const MAX_BODY = 256 * 1024 * 1024;

export function httpCall(url: string, options: HttpOptions): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      reject(new Error('not a URL'));
      return;
    }
    const send = target.protocol === 'https:' ? httpsRequest : target.protocol === 'http:' ? httpRequest : undefined;
    if (!send) {
      reject(new Error(`unsupported protocol ${target.protocol}`));
      return;
    }
    const headers: Record<string, string> = { ...options.headers };
    if (target.username || target.password) {
      // user:password@ in the URL is basic auth; it is moved out of the URL, never logged.
      headers.authorization ??= `Basic ${Buffer.from(`${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`).toString('base64')}`;
      target.username = '';
      target.password = '';
    }
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      headers['content-length'] = String(Buffer.byteLength(options.body));
    }
    const req = send(
      target,
      // No pooled keep-alive sockets: a check is a handful of requests, and pooled sockets outlive it.
      { method: options.method ?? 'GET', headers, ca: options.ca, timeout: options.timeoutMs, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY) {
            req.destroy(new Error('response too large'));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      }
    );
    req.on('timeout', () => req.destroy(new Error(`timed out after ${Math.round(options.timeoutMs / 1000)} s`)));
    req.on('error', (e: NodeJS.ErrnoException) =>
      reject(new Error(e.code && !e.message.includes(e.code) ? `${e.code}: ${e.message}` : e.message))
    );
    req.end(options.body);
  });
}
