import { Module } from '@nestjs/common';
import { QuestionBankReader, VersionCache } from '@app/exam-bank';
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
import { OnlineContestResultsReader } from './online/online-results.reader.js';
import { OnlineRankingService } from './online/online-ranking.service.js';
import { OnlineContestsController } from './online/online.controller.js';
import { OnlineRepository } from './online/online.repository.js';
import { OnlineContestService } from './online/online.service.js';
import { redisNamespace } from './live/socket-io.adapter.js';
import { ContestResultsService } from './results/contest-results.service.js';
import { LiveContestResultsReader } from './results/live-contest-results.reader.js';

/**
 * Reform quiz contests: contests, rounds, live sessions over socket.io, scoring and results; and
 * online contests played over days or weeks.
 */
@Module({
  controllers: [ContestsController, SessionsController, JoinController, OnlineContestsController],
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
    VersionCache,
    OnlineRepository,
    OnlineContestService,
    OnlineRankingService,
    OnlineContestResultsReader,
  ],
  exports: [LiveContestResultsReader, OnlineContestResultsReader],
})
export class LiveContestModule {}
