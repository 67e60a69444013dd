// One sentence to show for any failure.

import { ApiError } from './api';
import { ContractError } from './contract';
import { messages } from './messages';

export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof ContractError) return messages.badReply;
  return 'Đã có lỗi không mong muốn. Vui lòng tải lại trang.';
}
