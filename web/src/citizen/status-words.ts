// Where the dossier stands, in the words a citizen uses, with what (if anything)
// they should do now. The server's status_name is the officers' term ("Yêu cầu
// bổ sung"); it is the fallback for a status this page does not know yet.

export interface StatusWords {
  /** Shown big: "Đang xử lý". */
  title: string;
  /** One sentence under it; '' when there is nothing to add. */
  hint: string;
  /** The colour family (CSS class). */
  tone: 'tone-active' | 'tone-waiting' | 'tone-ready' | 'tone-closed';
}

const WORDS: Record<string, StatusWords> = {
  STATUS_REGISTERED_ONLINE: {
    title: 'Đã đăng ký trực tuyến, chờ tiếp nhận',
    hint: 'Bộ phận Một cửa sẽ kiểm tra và tiếp nhận hồ sơ.',
    tone: 'tone-active',
  },
  STATUS_RECEIVED: {
    title: 'Đã tiếp nhận',
    hint: 'Hồ sơ sẽ được chuyển đến bộ phận chuyên môn để xử lý.',
    tone: 'tone-active',
  },
  STATUS_PROCESSING: { title: 'Đang xử lý', hint: '', tone: 'tone-active' },
  STATUS_SUPPLEMENT_REQUESTED: {
    title: 'Cần bổ sung hồ sơ',
    // The appointment shown is the receipt's until then: say that it moves (CitizenView.appointment_at).
    hint: 'Xem nội dung cần bổ sung ở phần “Quá trình xử lý” bên dưới, rồi nộp bổ sung tại Bộ phận Một cửa. Ngày hẹn trả lùi lại theo thời gian chờ bổ sung.',
    tone: 'tone-waiting',
  },
  STATUS_FEE_REQUESTED: {
    title: 'Chờ nộp phí, lệ phí',
    hint: 'Vui lòng nộp phí, lệ phí theo hướng dẫn của Bộ phận Một cửa.',
    tone: 'tone-waiting',
  },
  STATUS_RESULT_READY: {
    title: 'Đã có kết quả',
    hint: 'Mời ông/bà nhận kết quả theo hướng dẫn trên giấy tiếp nhận hồ sơ.',
    tone: 'tone-ready',
  },
  STATUS_RETURNED: { title: 'Đã trả kết quả', hint: '', tone: 'tone-closed' },
  STATUS_REFUSED: {
    title: 'Không được tiếp nhận',
    hint: 'Lý do được ghi trong văn bản từ chối của Bộ phận Một cửa.',
    tone: 'tone-closed',
  },
  STATUS_WITHDRAWN: { title: 'Đã rút hồ sơ', hint: 'Hồ sơ đã được rút theo yêu cầu của người nộp.', tone: 'tone-closed' },
  STATUS_STOPPED: { title: 'Dừng xử lý', hint: '', tone: 'tone-closed' },
};

export function statusWords(status: string, serverName: string): StatusWords {
  return WORDS[status] ?? { title: serverName !== '' ? serverName : 'Chưa rõ trạng thái', hint: '', tone: 'tone-active' };
}
