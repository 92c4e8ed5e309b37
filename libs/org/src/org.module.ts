import { Module } from '@nestjs/common';
import { AuthController } from './auth/auth.controller.js';
import { AuthService } from './auth/auth.service.js';
import { UsersRepository } from './users/users.repository.js';

@Module({
  controllers: [AuthController],
  providers: [AuthService, UsersRepository],
  exports: [UsersRepository],
})
export class OrgModule {}
