import { Logger } from '@nestjs/common';
import {
  Ack,
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { ClientAddress, DomainError } from '@app/platform';
import {
  AnswerDto,
  BuzzDto,
  HostHandshakeDto,
  KickDto,
  LockDto,
  PlayerJoinHandshakeDto,
  PlayerRejoinHandshakeDto,
  ProjectorHandshakeDto,
} from '../dto/socket.dto.js';
import { CONTEST_NAMESPACE, type AckError } from '../protocol.js';
import { LiveService, type SocketContext } from './live.service.js';
import { hostRoom, playerRoom, sessionRoom, staffRoom } from './rooms.js';
import { parseEmpty, parseMessage, toAckError } from './socket-validation.js';

type AckFn = ((r: unknown) => void) | undefined;

const roomsOf = (ctx: SocketContext): string[] => {
  const rooms = [sessionRoom(ctx.sessionId)];
  if (ctx.role === 'host') rooms.push(staffRoom(ctx.sessionId), hostRoom(ctx.sessionId));
  if (ctx.role === 'projector') rooms.push(staffRoom(ctx.sessionId));
  if (ctx.role === 'player') rooms.push(playerRoom(ctx.sessionId, ctx.playerId));
  return rooms;
};

/**
 * The live-contest socket endpoint (namespace /contest). Thin: authenticate the handshake, validate
 * each message with its DTO, call one LiveService method, acknowledge. Failures come back as
 * `{ ok: false, code, message }` (or an `error` event without a callback); nothing throws out.
 */
@WebSocketGateway({ namespace: CONTEST_NAMESPACE })
export class LiveContestGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('LiveContestGateway');

  constructor(
    private readonly live: LiveService,
    private readonly clientAddress: ClientAddress,
  ) {}

  afterInit(server: Namespace): void {
    this.live.attach(server);
  }

  async handleConnection(socket: Socket): Promise<void> {
    try {
      const auth: unknown = socket.handshake.auth;
      const role = (auth as { role?: unknown } | null)?.role;
      let joined;
      if (role === 'host') joined = await this.live.connectHost(parseMessage(HostHandshakeDto, auth));
      else if (role === 'projector')
        joined = await this.live.connectProjector(parseMessage(ProjectorHandshakeDto, auth));
      else if (role === 'player' && (auth as { playerToken?: unknown }).playerToken !== undefined)
        joined = await this.live.rejoinPlayer(parseMessage(PlayerRejoinHandshakeDto, auth));
      else if (role === 'player') {
        joined = await this.live.joinPlayer(
          parseMessage(PlayerJoinHandshakeDto, auth),
          this.clientAddress.of(socket.request),
        );
      } else throw new DomainError('UNKNOWN_ROLE', 'Connect as host, projector or player', 'unauthenticated');
      socket.data.ctx = joined.ctx;
      await socket.join(roomsOf(joined.ctx));
      socket.emit('welcome', joined.welcome);
    } catch (e) {
      socket.emit('error', this.fail(e));
      socket.disconnect(true);
    }
  }

  private fail(e: unknown): AckError {
    return toAckError(e, (err) => this.logger.error(err));
  }

  /** Runs one message: the socket must have joined; the result or the refusal goes to the ack. */
  private run(socket: Socket, ack: AckFn, work: (ctx: SocketContext) => Promise<object>): void {
    const ctx = socket.data.ctx as SocketContext | undefined;
    const reply = (r: object): void => {
      if (typeof ack === 'function') ack(r);
      else if ((r as { ok: boolean }).ok === false) socket.emit('error', r);
    };
    if (!ctx) {
      reply({ ok: false, code: 'NOT_JOINED', message: 'Wait for the welcome before sending' });
      return;
    }
    Promise.resolve(ctx)
      .then(work)
      .then(
        (r) => reply({ ok: true, ...r }),
        (e: unknown) => reply(this.fail(e)),
      );
  }

  @SubscribeMessage('answer')
  answer(@ConnectedSocket() s: Socket, @MessageBody() body: unknown, @Ack() ack: AckFn): void {
    this.run(s, ack, (ctx) => this.live.answer(ctx, s.id, parseMessage(AnswerDto, body)));
  }

  @SubscribeMessage('buzz')
  buzz(@ConnectedSocket() s: Socket, @MessageBody() body: unknown, @Ack() ack: AckFn): void {
    this.run(s, ack, (ctx) => this.live.buzz(ctx, s.id, parseMessage(BuzzDto, body)));
  }

  @SubscribeMessage('host:start')
  start(@ConnectedSocket() s: Socket, @MessageBody() body: unknown, @Ack() ack: AckFn): void {
    this.control(s, body, ack, 'start');
  }

  @SubscribeMessage('host:next')
  next(@ConnectedSocket() s: Socket, @MessageBody() body: unknown, @Ack() ack: AckFn): void {
    this.control(s, body, ack, 'next');
  }

  @SubscribeMessage('host:reveal')
  reveal(@ConnectedSocket() s: Socket, @MessageBody() body: unknown, @Ack() ack: AckFn): void {
    this.control(s, body, ack, 'reveal');
  }

  @SubscribeMessage('host:leaderboard')
  leaderboard(@ConnectedSocket() s: Socket, @MessageBody() body: unknown, @Ack() ack: AckFn): void {
    this.control(s, body, ack, 'leaderboard');
  }

  @SubscribeMessage('host:pause')
  pause(@ConnectedSocket() s: Socket, @MessageBody() body: unknown, @Ack() ack: AckFn): void {
    this.control(s, body, ack, 'pause');
  }

  @SubscribeMessage('host:resume')
  resume(@ConnectedSocket() s: Socket, @MessageBody() body: unknown, @Ack() ack: AckFn): void {
    this.control(s, body, ack, 'resume');
  }

  @SubscribeMessage('host:end')
  end(@ConnectedSocket() s: Socket, @MessageBody() body: unknown, @Ack() ack: AckFn): void {
    this.control(s, body, ack, 'end');
  }

  @SubscribeMessage('host:lock')
  lock(@ConnectedSocket() s: Socket, @MessageBody() body: unknown, @Ack() ack: AckFn): void {
    this.run(s, ack, (ctx) => this.live.lock(ctx, parseMessage(LockDto, body)));
  }

  @SubscribeMessage('host:kick')
  kick(@ConnectedSocket() s: Socket, @MessageBody() body: unknown, @Ack() ack: AckFn): void {
    this.run(s, ack, (ctx) => this.live.kick(ctx, parseMessage(KickDto, body)));
  }

  private control(
    s: Socket,
    body: unknown,
    ack: AckFn,
    action: 'start' | 'next' | 'reveal' | 'leaderboard' | 'pause' | 'resume' | 'end',
  ): void {
    this.run(s, ack, async (ctx) => {
      parseEmpty(body);
      return this.live.control(ctx, action);
    });
  }
}
