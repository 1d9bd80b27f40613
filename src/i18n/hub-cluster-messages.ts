// The console's "Cụm hub" table: every hub of the host's `--hub` list, as its own status says, Vietnamese first.
export const HUB_CLUSTER_MESSAGES = {
  vi: {
    hubCluster: {
      title: 'Cụm hub',
      intro:
        'Từng máy chủ trung tâm (hub) trong danh sách của máy này, theo trạng thái chính hub báo, kiểm tra mỗi 5 giây.',
      none: 'Chưa có thông tin về các hub.',
      columns: {
        state: 'Trạng thái',
        hub: 'Hub',
        log: 'Nơi lưu nhật ký',
        version: 'Phiên bản',
        checkedAt: 'Kiểm tra lúc',
      },
      current: 'máy này đang dùng',
      log: { sqlite: 'SQLite (một máy)', jetstream: 'NATS JetStream' },
      note: {
        pending: 'Chưa kiểm tra',
        unreachable: 'Không trả lời',
        invalid: 'Trả lời không hợp lệ',
        producing: 'Đang sản xuất',
        standby: 'Dự phòng',
        natsLost: 'Mất kết nối NATS',
        waiting: '{{n}} sự kiện đang chờ',
        refused: '{{n}} tin bị từ chối',
      },
    },
  },
  en: {
    hubCluster: {
      title: 'Hub cluster',
      intro: "Each hub in this machine's list, as the hub's own status says, checked every 5 seconds.",
      none: 'Nothing known of the hubs yet.',
      columns: {
        state: 'State',
        hub: 'Hub',
        log: 'Log kept in',
        version: 'Version',
        checkedAt: 'Checked at',
      },
      current: 'in use by this machine',
      log: { sqlite: 'SQLite (one machine)', jetstream: 'NATS JetStream' },
      note: {
        pending: 'Not checked yet',
        unreachable: 'Not answering',
        invalid: 'Invalid answer',
        producing: 'Producing',
        standby: 'Standby',
        natsLost: 'NATS connection lost',
        waiting: '{{n}} events waiting',
        refused: '{{n}} messages refused',
      },
    },
  },
} as const;
