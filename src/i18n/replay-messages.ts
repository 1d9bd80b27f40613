// Texts of a host catching up after an outage (the console's feed section) and of its cache's integrity check.
export const REPLAY_MESSAGES = {
  vi: {
    replay: {
      catchingUp: 'Đang bắt kịp dữ liệu: {{percent}}% ({{replayed}}/{{total}} sự kiện)',
      catchingUpMillions: 'Đang bắt kịp dữ liệu: {{percent}}% ({{replayed}}/{{total}} triệu sự kiện)',
      eta: 'còn khoảng {{duration}}',
      integrity: 'Kiểm tra bộ nhớ đệm',
      integrityPending: 'đang kiểm tra',
      integrityOk: 'nguyên vẹn',
      integrityFailed: 'bị hỏng — máy chủ dừng và lần khởi động sau dùng bộ nhớ đệm mới ({{detail}})',
    },
  },
  en: {
    replay: {
      catchingUp: 'Catching up: {{percent}}% ({{replayed}}/{{total}} events)',
      catchingUpMillions: 'Catching up: {{percent}}% ({{replayed}}/{{total}} million events)',
      eta: 'about {{duration}} left',
      integrity: 'Cache check',
      integrityPending: 'checking',
      integrityOk: 'intact',
      integrityFailed: 'damaged — the host stops and starts on a new cache next time ({{detail}})',
    },
  },
} as const;
