import type { Server } from 'node:http'
import type { Socket } from 'node:net'

/**
 * A close for a listening HTTP server that does not wait for idle keep-alive connections:
 * it tracks every connection from now on, and on close destroys those still open before the
 * server stops. Serve mode and the capture listener close this way (the team server keeps its own
 * copy: it takes nothing from the desktop side but the query language — test/architecture.test.ts).
 */
export function closerOf(server: Server): () => Promise<void> {
  const sockets = new Set<Socket>()
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  return () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy()
      server.close(() => resolve())
    })
}
