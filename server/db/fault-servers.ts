import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * Loopback TCP servers that misbehave like a database in trouble, for tests of the bounded waits
 * (server/db/database.ts): one that accepts connections and never says a word, and a proxy to a real database
 * that can be switched to refusing connections (and back, on the same port).
 */
export interface FaultServer {
  readonly port: number;
  /** `postgres://…@127.0.0.1:<port>/<database>` */
  url(database?: string): string;
  close(): Promise<void>;
}

/** Accepts every connection and never answers (a hung server, a black-holing firewall). */
export async function silentServer(): Promise<FaultServer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server, 0);
  return {
    port,
    url: (database = 'arco') => `postgres://arco@127.0.0.1:${port}/${database}`,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface SwitchableProxy extends FaultServer {
  /** Stops listening and cuts every open connection: new ones are refused (ECONNREFUSED). */
  refuse(): Promise<void>;
  /** Listens again on the same port. */
  accept(): Promise<void>;
}

/** A TCP proxy to `target` (a postgres:// URL on loopback) that can start refusing connections. */
export async function switchableProxy(target: string): Promise<SwitchableProxy> {
  const to = new URL(target);
  const sockets = new Set<Socket>();
  let server = newProxy();
  const port = await listen(server, 0);

  function newProxy(): Server {
    return createServer((client) => {
      const upstream = connect(Number(to.port || 5432), to.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => {
          sockets.delete(s);
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
  }

  return {
    port,
    url(database) {
      const url = new URL(target);
      url.host = `127.0.0.1:${port}`;
      if (database !== undefined) url.pathname = `/${database}`;
      return url.toString();
    },
    async refuse() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
    },
    async accept() {
      server = newProxy();
      await listen(server, port);
    },
    async close() {
      for (const s of sockets) s.destroy();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      if (typeof address === 'object' && address) resolve(address.port);
      else reject(new Error('no port'));
    });
  });
}
