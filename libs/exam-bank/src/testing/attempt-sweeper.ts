import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AttemptsRepository } from './attempts.repository.js';
import { GradingService } from './grading.service.js';

/** How often the server looks for attempts whose time is up. */
export const SWEEP_INTERVAL_MS = 1000;
const BATCH = 200;

/**
 * Closes and grades, on the server, every attempt whose deadline has passed, so no client is
 * needed: at start (attempts that expired while the server was down) and every second after.
 * Several instances may sweep at once; each attempt is claimed by a conditional UPDATE.
 */
@Injectable()
export class AttemptSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AttemptSweeper');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    private readonly attempts: AttemptsRepository,
    private readonly grading: GradingService,
  ) {}

  onApplicationBootstrap(): void {
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; returns how many attempts this instance closed. Overlapping calls share one pass. */
  sweep(now: Date = new Date()): Promise<number> {
    this.running ??= this.pass(now).finally(() => (this.running = null));
    return this.running;
  }

  private async pass(now: Date): Promise<number> {
    let closed = 0;
    try {
      for (;;) {
        if (this.stopped) break;
        const due = await this.attempts.dueForClosing(now, BATCH);
        let progress = 0;
        for (const id of due) {
          if (this.stopped) break;
          try {
            const a = await this.attempts.findById(id);
            if (a && (await this.grading.close(id, 'expired_graded', a.deadline))) progress++;
          } catch (err) {
            // One attempt that cannot be graded must not hold up the others behind it.
            if (!this.stopped) this.logger.error(err instanceof Error ? err : String(err), `attempt ${id}`);
          }
        }
        closed += progress;
        if (due.length < BATCH || progress === 0) break;
      }
    } catch (err) {
      if (!this.stopped) this.logger.error(err instanceof Error ? err : String(err));
    }
    return closed;
  }
}
