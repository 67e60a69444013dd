// The page's own Vietnamese sentences (the server's messages are shown as they come).

export const messages = {
  offline: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
  timeout: 'Máy chủ không trả lời kịp. Vui lòng thử lại.',
  badReply: 'Máy chủ trả lời không đúng định dạng. Vui lòng báo quản trị hệ thống.',
  sessionEnded: 'Phiên làm việc đã hết. Vui lòng đăng nhập lại.',
  signedOut: 'Đã đăng xuất.',
  missingCredentials: 'Nhập tên đăng nhập và mật khẩu.',
  missingCode: 'Nhập mã hồ sơ cần tìm.',
  missingProcedure: 'Chọn thủ tục trước khi tiếp nhận.',
  notReceivable: 'Thủ tục này chưa tiếp nhận được',
  missingField: (label: string) => `Nhập ${label}.`,
  badSets: 'Số bộ hồ sơ phải là số từ 1 trở lên.',
  pendingDocument: (name: string) => `Giấy tờ “${name}” chưa được thêm: bấm “Thêm giấy tờ” (hoặc Enter), hoặc xóa ô tên giấy tờ.`,
  retrySafe: 'Hồ sơ có thể đã được ghi nhận: bấm “Tiếp nhận” lần nữa, hồ sơ sẽ không bị tạo hai lần.',
  actionRetrySafe: 'Thao tác có thể đã được ghi nhận: bấm xác nhận lần nữa, thao tác sẽ không bị thực hiện hai lần.',
  keyConflict:
    'Lần gửi trước (nội dung khác) có thể đã tạo hồ sơ: xem danh sách hồ sơ trước. Nếu chưa có, bấm “Tiếp nhận” lần nữa để gửi như hồ sơ mới.',
  letterBlocked: (label: string) => `Trình duyệt đã chặn thẻ mới. Cho phép cửa sổ bật lên cho trang này rồi bấm “${label}” lần nữa.`,
  popupBlocked: 'Trình duyệt đã chặn thẻ mới. Cho phép cửa sổ bật lên cho trang này rồi bấm “In giấy tiếp nhận” lần nữa.',
  httpStatus(status: number): string {
    if (status === 401) return 'Chưa đăng nhập hoặc phiên làm việc đã hết.';
    if (status === 403) return 'Tài khoản không có quyền thực hiện việc này.';
    if (status === 404) return 'Không tìm thấy.';
    if (status === 429) return 'Thao tác quá nhiều lần. Vui lòng chờ một lát rồi thử lại.';
    if (status === 503) return 'Máy chủ đang quá tải. Vui lòng thử lại sau ít phút.';
    if (status >= 500) return `Máy chủ gặp lỗi (mã ${status}). Vui lòng thử lại hoặc báo quản trị hệ thống.`;
    return `Yêu cầu không thực hiện được (mã ${status}).`;
  },
} as const;
