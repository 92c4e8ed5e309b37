import type { NextFunction, Request, Response } from 'express';
import type { ErrorBody } from './error-filter.js';

/** BODY_LIMIT ("512kb", "2mb") in bytes, as the body parser reads it. */
export function bodyLimitBytes(limit: string): number {
  const m = /^(\d+)(kb|mb)$/.exec(limit);
  if (!m) throw new Error(`BODY_LIMIT must be a size like 512kb or 2mb, not ${limit}`);
  return Number(m[1]) * (m[2] === 'kb' ? 1024 : 1024 * 1024);
}

/**
 * Answers 413 at once when a JSON or form body declares more bytes than the limit. The body parser
 * refuses it too, but only after draining every declared byte; here the connection is closed instead.
 * Multipart uploads have their own per-route limits (multer stops reading at the limit).
 */
export function refuseOversizedBody(limitBytes: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared <= limitBytes || (req.headers['content-type'] ?? '').startsWith('multipart/')) return next();
    const body: ErrorBody = {
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The body is larger than the server accepts',
    };
    res.setHeader('Connection', 'close');
    res.status(413).json(body);
  };
}
