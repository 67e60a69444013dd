// One sentence to show for any failure.

import { ApiError } from './api';
import { ContractError } from './contract';
import { messages } from './messages';

export function describeError(error: unknown): string {
  // The request's id goes with every answer the server refused or failed, so the
  // screenshot an officer sends to IT leads to its line in the server's log.
  if (error instanceof ApiError) return error.requestId === '' ? error.message : `${error.message} (mã yêu cầu ${error.requestId})`;
  if (error instanceof ContractError) return messages.badReply;
  return 'Đã có lỗi không mong muốn. Vui lòng tải lại trang.';
}
