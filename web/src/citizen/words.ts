// The lookup page's own sentences, for a citizen rather than an officer (the
// server's messages are shown as they come).

/** "45 giây", "2 phút": a wait as a person says it (rounded up to whole minutes past one). */
function wait(seconds: number): string {
  if (seconds < 60) return `${seconds} giây`;
  return `${Math.ceil(seconds / 60)} phút`;
}

export const words = {
  missingCode: 'Nhập mã hồ sơ in trên giấy tiếp nhận.',
  missingSecret: 'Nhập mã tra cứu in trên giấy tiếp nhận.',
  notFound: 'Không tìm thấy hồ sơ với mã tra cứu này. Kiểm tra lại hai mã trên giấy tiếp nhận.',
  offline: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
  timeout: 'Máy chủ không trả lời kịp. Vui lòng thử lại.',
  badReply: 'Máy chủ trả lời không đúng định dạng. Vui lòng thử lại sau.',
  unexpected: 'Đã có lỗi không mong muốn. Vui lòng tải lại trang.',
  tooManyTries(seconds: number | null): string {
    return seconds === null
      ? 'Đã tra cứu sai quá nhiều lần. Vui lòng chờ một lát rồi thử lại.'
      : `Đã tra cứu sai quá nhiều lần. Vui lòng chờ ${wait(seconds)} rồi thử lại.`;
  },
  busy(seconds: number | null): string {
    return seconds === null
      ? 'Máy chủ đang quá tải. Vui lòng thử lại sau ít phút.'
      : `Máy chủ đang quá tải. Vui lòng thử lại sau ${wait(seconds)}.`;
  },
  failed: (status: number) => `Chưa tra cứu được (mã lỗi ${status}). Vui lòng thử lại sau.`,
} as const;
