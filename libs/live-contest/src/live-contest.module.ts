import { Module } from '@nestjs/common';
import { QuestionBankReader } from '@app/exam-bank';
import { AppConfig } from '@app/platform';
import { ContestsController } from './contests/contests.controller.js';
import { ContestsRepository } from './contests/contests.repository.js';
import { ContestsService } from './contests/contests.service.js';
import { JoinController } from './live/join.controller.js';
import { LiveContestGateway } from './live/live-contest.gateway.js';
import { LIVE_STORE, MemoryLiveStore, type LiveStore } from './live/live-store.js';
import { LiveContestLimits, LiveService } from './live/live.service.js';
import { LiveRepository } from './live/live.repository.js';
import { RedisLiveStore } from './live/redis-live-store.js';
import { SessionsController } from './live/sessions.controller.js';
import { redisNamespace } from './live/socket-io.adapter.js';
import { ContestResultsService } from './results/contest-results.service.js';
import { LiveContestResultsReader } from './results/live-contest-results.reader.js';

/** Live reform quiz contests: contests, rounds, live sessions over socket.io, scoring and results. */
@Module({
  controllers: [ContestsController, SessionsController, JoinController],
  providers: [
    QuestionBankReader,
    ContestsRepository,
    ContestsService,
    LiveRepository,
    LiveContestLimits,
    {
      provide: LIVE_STORE,
      inject: [AppConfig],
      useFactory: async (config: AppConfig): Promise<LiveStore> =>
        config.REDIS_URL ? RedisLiveStore.connect(config.REDIS_URL, redisNamespace(config)) : new MemoryLiveStore(),
    },
    LiveService,
    LiveContestGateway,
    ContestResultsService,
    LiveContestResultsReader,
  ],
  exports: [LiveContestResultsReader],
})
export class LiveContestModule {}
