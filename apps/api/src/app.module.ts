import { Module, type DynamicModule } from '@nestjs/common';
import { ExamBankModule } from '@app/exam-bank';
import { LiveContestModule } from '@app/live-contest';
import { OrgModule } from '@app/org';
import { PlatformModule, type AppConfig } from '@app/platform';
import { ResultsModule } from '@app/results';
import { SurveyModule } from '@app/survey';
import { schema } from './schema.js';

@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.register(config, schema),
        OrgModule,
        ExamBankModule,
        LiveContestModule,
        ResultsModule,
        SurveyModule,
      ],
    };
  }
}
