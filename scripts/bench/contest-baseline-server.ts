/**
 * The baseline of bench:contest: a bare socket.io server (no Nest, no state) that puts every
 * client in one room and broadcasts the payload the runner sends it over IPC, stamped with the
 * server time. Prints nothing; reports its port over IPC.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { transports: ['websocket'], maxHttpBufferSize: 16 * 1024 });
io.on('connection', (socket) => {
  void socket.join('all');
  socket.emit('welcome', { serverTime: Date.now() });
});
process.on('message', (m: { type: string; payload?: Record<string, unknown> }) => {
  if (m.type === 'broadcast') io.to('all').emit('question', { ...m.payload, serverTime: Date.now() });
  if (m.type === 'stop') {
    void io.close();
    process.exit(0);
  }
});
http.listen(0, '127.0.0.1', () => {
  const { port } = http.address() as { port: number };
  process.send!({ type: 'listening', port });
});
