// Texts of alarms on the wall: the alerts tile's marks and filters, the emergency banner, the wall's responses
// (choreography) and the console's list of them.
export const ALARM_WALL_MESSAGES = {
  vi: {
    alarmWall: {
      topic: 'Phản ứng của tường với cảnh báo',
      hiddenCount: '{{count}} cảnh báo đang tạm ẩn',
      showAcknowledged: 'Chỉ cảnh báo đã tiếp nhận',
      showMajor: 'Chỉ Khẩn cấp và Nghiêm trọng',
      banner: 'KHẨN CẤP chưa tiếp nhận: {{count}}',
      bannerEscalated: 'Đã báo lên lãnh đạo: {{count}}',
      bannerBriefing: '{{count}} cảnh báo khẩn cấp chưa tiếp nhận',
      responsesTitle: 'Phản ứng đang chạy',
      responsesNone: 'Tường không có phản ứng nào đang chạy',
      responsesHeld: 'Đang giao ban: phản ứng tạm dừng, không chiếm tường',
      cancel: 'Hủy phản ứng',
      cancelled: 'Đã gửi lệnh hủy phản ứng',
      until: 'đến {{time}}',
      untilAcknowledged: 'đến khi được tiếp nhận',
      kind: {
        'show-preset': 'Bố cục {{preset}} trên màn hình {{monitors}}',
        'zoom-map': 'Bản đồ phóng tới {{province}}',
        camera: 'Camera trên ô {{tile}}',
      },
    },
  },
  en: {
    alarmWall: {
      topic: 'Wall responses to alarms',
      hiddenCount: '{{count}} alarms hidden for now',
      showAcknowledged: 'Acknowledged alarms only',
      showMajor: 'Emergency and high only',
      banner: 'EMERGENCY unacknowledged: {{count}}',
      bannerEscalated: 'Escalated to leaders: {{count}}',
      bannerBriefing: '{{count}} emergency alarms unacknowledged',
      responsesTitle: 'Responses running',
      responsesNone: 'No response is running on the wall',
      responsesHeld: 'Briefing in progress: responses wait and leave the wall alone',
      cancel: 'Cancel response',
      cancelled: 'Cancellation sent',
      until: 'until {{time}}',
      untilAcknowledged: 'until acknowledged',
      kind: {
        'show-preset': 'Preset {{preset}} on monitors {{monitors}}',
        'zoom-map': 'Map zoomed to {{province}}',
        camera: 'Camera in tile {{tile}}',
      },
    },
  },
} as const;
