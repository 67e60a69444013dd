// The desk's work queues: which lists an officer's role works from (web/README.md,
// "What each role sees"), each a fixed filter of GET /v1/dossiers. Reception works the
// counter's queues (online registrations to accept, supplements awaited, results
// to return, and the closed ones to answer questions about); a specialist or a
// leader starts from the dossiers they hold. Everyone can search all dossiers.

import type { Role, SessionInfo, Status } from './contract';

export type QueueId = 'all' | 'mine' | 'online' | 'supplement' | 'ready' | 'refused' | 'withdrawn';

export interface Queue {
  id: QueueId;
  /** The tab's words. */
  label: string;
  /** The list's heading. */
  title: string;
  /** The fixed status, if the queue is one status. */
  status?: Status;
  /** Only the dossiers the signed-in officer holds. */
  mine?: boolean;
  /** What the officer does with a dossier of this queue (shown above the list). */
  hint: string;
  /** What the empty queue says. */
  empty: string;
  /** The tab shows how many dossiers wait (the queues that ask for work). */
  counted?: boolean;
}

/** In the address: #hang-doi/<slug>. */
export const QUEUE_SLUGS: Record<QueueId, string> = {
  all: 'tat-ca',
  mine: 'cua-toi',
  online: 'cho-tiep-nhan',
  supplement: 'cho-bo-sung',
  ready: 'cho-tra-ket-qua',
  refused: 'khong-tiep-nhan',
  withdrawn: 'da-rut',
};

const QUEUES: Record<QueueId, Queue> = {
  all: {
    id: 'all',
    label: 'Tất cả hồ sơ',
    title: 'Hồ sơ',
    hint: 'Tìm theo mã, tên người nộp hoặc số điện thoại; lọc theo trạng thái, thủ tục, người xử lý, hạn trả.',
    empty: 'Chưa có hồ sơ nào.',
  },
  mine: {
    id: 'mine',
    label: 'Hồ sơ của tôi',
    title: 'Hồ sơ của tôi',
    mine: true,
    hint: 'Hồ sơ bạn đang giữ, hạn gần nhất lên đầu. Mở hồ sơ để xử lý.',
    empty: 'Bạn không giữ hồ sơ nào.',
    counted: true,
  },
  online: {
    id: 'online',
    label: 'Chờ tiếp nhận trực tuyến',
    title: 'Hồ sơ đăng ký trực tuyến chờ tiếp nhận',
    status: 'STATUS_REGISTERED_ONLINE',
    hint: 'Mở hồ sơ, kiểm tra thành phần rồi bấm “Tiếp nhận”, hoặc “Từ chối tiếp nhận” kèm lý do (in Mẫu 03).',
    empty: 'Không có hồ sơ trực tuyến nào chờ tiếp nhận.',
    counted: true,
  },
  supplement: {
    id: 'supplement',
    label: 'Chờ bổ sung',
    title: 'Hồ sơ chờ công dân bổ sung',
    status: 'STATUS_SUPPLEMENT_REQUESTED',
    hint: 'Khi công dân mang giấy tờ bổ sung đến: mở hồ sơ, bấm “Nhận bổ sung”. Thời hạn đang tạm dừng.',
    empty: 'Không có hồ sơ nào chờ bổ sung.',
    counted: true,
  },
  ready: {
    id: 'ready',
    label: 'Chờ trả kết quả',
    title: 'Hồ sơ có kết quả chờ trả',
    status: 'STATUS_RESULT_READY',
    hint: 'Mở hồ sơ, bấm “Trả kết quả” và chọn hình thức: tại Bộ phận Một cửa, qua bưu chính hoặc trực tuyến.',
    empty: 'Không có kết quả nào chờ trả.',
    counted: true,
  },
  refused: {
    id: 'refused',
    label: 'Không được tiếp nhận',
    title: 'Hồ sơ không được tiếp nhận',
    status: 'STATUS_REFUSED',
    hint: 'Hồ sơ đã từ chối tiếp nhận; mở hồ sơ để xem lý do hoặc in lại phiếu từ chối.',
    empty: 'Không có hồ sơ nào bị từ chối tiếp nhận.',
  },
  withdrawn: {
    id: 'withdrawn',
    label: 'Đã rút',
    title: 'Hồ sơ công dân đã rút',
    status: 'STATUS_WITHDRAWN',
    hint: 'Hồ sơ công dân đã yêu cầu rút; không xử lý tiếp.',
    empty: 'Không có hồ sơ nào đã rút.',
  },
};

const has = (roles: readonly Role[], ...any: Role[]): boolean => any.some((r) => roles.includes(r));

/** The queues of this officer, in tab order; the first is where the desk opens. */
export function queuesFor(session: SessionInfo): Queue[] {
  const ids: QueueId[] = [];
  if (has(session.roles, 'ROLE_SPECIALIST', 'ROLE_LEADER')) ids.push('mine');
  ids.push('all');
  if (has(session.roles, 'ROLE_RECEPTION')) ids.push('online', 'supplement', 'ready', 'refused', 'withdrawn');
  return ids.map((id) => QUEUES[id]);
}

/** The queue a slug names among these, or null. */
export function queueOfSlug(queues: readonly Queue[], slug: string): Queue | null {
  return queues.find((q) => QUEUE_SLUGS[q.id] === slug) ?? null;
}
