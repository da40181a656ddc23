/**
 * A tiny static file server for the demo pages and the browser tests. It listens on 127.0.0.1 with a
 * random port (the extension's `http://127.0.0.1/*` match pattern ignores the port), so tests can run
 * side by side and never need the network.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface Served {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:40123 */
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Extra response headers for a path (e.g. a Content-Security-Policy for one test page). */
  headers?: (pathname: string) => Record<string, string> | undefined;
}

export async function serve(dir = 'src/demo', options: ServeOptions = {}): Promise<Served> {
  const root = path.resolve(dir);
  const server = createServer((req, res) => {
    let extra: Record<string, string> | undefined;
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void => {
      res.writeHead(status, { ...extra, 'content-type': type, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    let file: string;
    try {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (pathname.includes('\0')) return send(400, 'bad path');
      extra = options.headers?.(pathname);
      file = path.resolve(root, '.' + pathname);
    } catch {
      return send(400, 'bad path');
    }
    // No directory traversal: the resolved file must stay inside root.
    if (file !== root && !file.startsWith(root + path.sep)) return send(403, 'forbidden');
    void (async () => {
      try {
        if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
        const body = await readFile(file);
        send(200, body, TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
      } catch {
        send(404, 'not found');
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections(); // browsers keep connections alive; do not wait for them
        server.close(() => resolve());
      }),
  };
}
