import { Module } from '@nestjs/common';

/** Citizen satisfaction surveys at one-stop desks: forms, collection, results. */
@Module({})
export class SurveyModule {}
