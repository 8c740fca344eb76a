/** The exporters of the simulated brokers and controllers, one HTTP server per node on 127.0.0.1. */
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { Broker, BROKERS, Controller, CONTROLLERS, Counters } from './model';
import { lagFamilies, renderGoText, scrape } from './exposition';

export interface RunningExporters {
  /** host:port per broker and controller. */
  targets: Record<Broker | Controller, string>;
  /** host:port of the kafka_exporter stand-in (consumer-group lag). */
  lagExporter: string;
  close: () => Promise<void>;
}

/**
 * Serves `/metrics` for each broker at the current second relative to `anchor` (unix seconds).
 * A broker that is down in the scenario refuses connections, like a dead JVM.
 */
export async function startExporters(counters: Counters, anchor: number): Promise<RunningExporters> {
  const servers: Server[] = [];
  const targets = {} as Record<Broker | Controller, string>;
  for (const broker of [...BROKERS, ...CONTROLLERS]) {
    const server = createServer((req, res) => {
      if (req.url?.split('?')[0] !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      const t = Math.floor(Date.now() / 1000) - anchor;
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
      res.end(scrape(counters, broker, t));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    targets[broker] = `127.0.0.1:${port}`;
    if (!(BROKERS as readonly string[]).includes(broker) || counters.scenario.up(broker as Broker, 0)) {
      servers.push(server);
    } else {
      // Keep the port reserved in the target list but refuse connections.
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }
  const lagServer = createServer((req, res) => {
    const t = Math.floor(Date.now() / 1000) - anchor;
    res.writeHead(req.url?.split('?')[0] === '/metrics' ? 200 : 404, {
      'content-type': 'text/plain; version=0.0.4; charset=utf-8',
    });
    res.end(req.url?.split('?')[0] === '/metrics' ? renderGoText(lagFamilies(counters, t)) : '');
  });
  await new Promise<void>((resolve) => lagServer.listen(0, '127.0.0.1', resolve));
  servers.push(lagServer);
  const lagExporter = `127.0.0.1:${(lagServer.address() as AddressInfo).port}`;
  return {
    targets,
    lagExporter,
    close: async () => {
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}
