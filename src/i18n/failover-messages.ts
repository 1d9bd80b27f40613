// The console's text on the hubs a host moves between (`--hub URL1,URL2,…`): which one it is on, its last move.
export const FAILOVER_MESSAGES = {
  vi: {
    failover: {
      current: 'Máy chủ trung tâm đang dùng',
      none: 'Chưa kết nối được máy chủ nào',
      since: 'từ {{time}}',
      hubs: 'Các máy chủ trung tâm ({{n}})',
      lastMove: 'Lần chuyển máy chủ gần nhất',
      noMove: 'Chưa chuyển lần nào',
      move: 'Từ {{from}} sang {{to}} lúc {{time}}',
      reason: {
        disconnected: 'mất kết nối',
        stalled: 'máy chủ ngừng phản hồi',
        refused: 'máy chủ từ chối thiết bị này',
        error: 'không kết nối được',
      },
    },
  },
  en: {
    failover: {
      current: 'Hub in use',
      none: 'Not connected to any hub',
      since: 'since {{time}}',
      hubs: 'Hubs ({{n}})',
      lastMove: 'Last move between hubs',
      noMove: 'No move yet',
      move: 'From {{from}} to {{to}} at {{time}}',
      reason: {
        disconnected: 'connection lost',
        stalled: 'the hub stopped answering',
        refused: 'the hub refused this device',
        error: 'could not connect',
      },
    },
  },
} as const;
