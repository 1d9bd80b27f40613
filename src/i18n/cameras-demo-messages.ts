// UI text of demo data, cameras and privacy mode (spread into MESSAGES in messages.ts).
export const CAMERAS_DEMO_MESSAGES = {
  vi: {
    demo: {
      mark: 'DỮ LIỆU MẪU — DEMO',
      markHint: 'Số liệu trên màn hình này là dữ liệu mẫu, không phải số liệu thật',
      provenance: 'Dữ liệu mẫu (demo)',
      noSource: 'Chưa có nguồn dữ liệu',
      noSourceHint: 'Kết nối nguồn dữ liệu của trung tâm (xem README, mục “Connect your data”)',
    },
    camera: {
      signalLost: 'Mất tín hiệu',
      unknown: 'Không có camera “{{id}}” trong danh sách camera',
      sensitive: 'Camera này bị ẩn ở chế độ riêng tư',
    },
    privacy: {
      mark: 'CHẾ ĐỘ RIÊNG TƯ',
      on: 'Bật chế độ riêng tư',
      off: 'Tắt chế độ riêng tư',
      title: 'Chế độ riêng tư',
      explain:
        'Khi bật, tên người trong nhiệm vụ và cảnh báo được thay bằng đơn vị, camera nhạy cảm bị che, các trường cá nhân bị loại bỏ trước khi tới màn hình.',
    },
  },
  en: {
    demo: {
      mark: 'SAMPLE DATA — DEMO',
      markHint: 'The figures on this screen are sample data, not real figures',
      provenance: 'Sample data (demo)',
      noSource: 'No data source yet',
      noSourceHint: "Connect the centre's data sources (see the README, “Connect your data”)",
    },
    camera: {
      signalLost: 'Signal lost',
      unknown: 'No camera “{{id}}” in the camera list',
      sensitive: 'This camera is hidden in privacy mode',
    },
    privacy: {
      mark: 'PRIVACY MODE',
      on: 'Turn privacy mode on',
      off: 'Turn privacy mode off',
      title: 'Privacy mode',
      explain:
        'When on, names of people in tasks and alerts are replaced by their unit, sensitive cameras are covered and personal fields are dropped before anything reaches a screen.',
    },
  },
} as const;
