// Names and magnitudes the demo source draws from, so the demo wall looks like a real Vietnamese IOC.

/** Relative economic size of a province (1 = typical); the large economies report larger FDI and registrations. */
export const ECONOMIC_WEIGHT: Readonly<Record<string, number>> = {
  '79': 6, // Hồ Chí Minh
  '01': 5, // Hà Nội
  '24': 3, // Bắc Ninh
  '31': 3, // Hải Phòng
  '75': 2.5, // Đồng Nai
  '22': 2, // Quảng Ninh
  '48': 2, // Đà Nẵng
  '80': 1.8, // Tây Ninh
  '33': 1.5, // Hưng Yên
  '25': 1.5, // Phú Thọ
  '38': 1.5, // Thanh Hóa
  '40': 1.3, // Nghệ An
};

/** Ministries and provincial People's Committees that receive tasks (structure after the 2025 reorganisation). */
export const TASK_UNITS: readonly string[] = [
  'Bộ Tài chính',
  'Bộ Xây dựng',
  'Bộ Công Thương',
  'Bộ Nông nghiệp và Môi trường',
  'Bộ Khoa học và Công nghệ',
  'Bộ Nội vụ',
  'Bộ Y tế',
  'Bộ Giáo dục và Đào tạo',
  'Bộ Tư pháp',
  'UBND TP Hà Nội',
  'UBND TP Hồ Chí Minh',
  'UBND TP Đà Nẵng',
];

export const TASK_TITLES: readonly string[] = [
  'Báo cáo tình hình giải ngân vốn đầu tư công',
  'Hoàn thiện hồ sơ dự thảo Nghị định hướng dẫn Luật Đầu tư',
  'Đẩy nhanh tiến độ dự án đường cao tốc Bắc – Nam phía Đông',
  'Triển khai Đề án 06 về dữ liệu dân cư, định danh điện tử',
  'Rà soát, cắt giảm thủ tục hành chính và điều kiện kinh doanh',
  'Báo cáo kết quả vận hành chính quyền địa phương hai cấp',
  'Xây dựng kịch bản tăng trưởng quý IV',
  'Tổng hợp thiệt hại do mưa lũ và đề xuất hỗ trợ',
  'Đôn đốc cấp phép khai thác vật liệu xây dựng thông thường',
  'Chuyển đổi số hồ sơ công việc lên môi trường mạng',
  'Kiểm tra an toàn hồ đập trước mùa mưa bão',
  'Hoàn thành xóa nhà tạm, nhà dột nát',
];

export const ALERT_TEMPLATES: ReadonlyArray<{
  category: 'flood' | 'storm' | 'landslide' | 'fire' | 'public_health' | 'infrastructure' | 'cyber' | 'other';
  title: string;
  provinces: readonly string[];
}> = [
  { category: 'flood', title: 'Mực nước sông vượt báo động 3', provinces: ['46', '44', '48', '51'] },
  { category: 'storm', title: 'Bão gần Biển Đông, gió cấp 10–11', provinces: ['51', '52', '56', '48'] },
  { category: 'landslide', title: 'Nguy cơ sạt lở đất vùng núi', provinces: ['15', '08', '04', '12', '11'] },
  { category: 'fire', title: 'Cháy rừng cấp cực kỳ nguy hiểm', provinces: ['14', '11', '68'] },
  { category: 'public_health', title: 'Ca bệnh sốt xuất huyết tăng bất thường', provinces: ['79', '92', '91', '01'] },
  { category: 'infrastructure', title: 'Sự cố mất điện diện rộng', provinces: ['01', '79', '31', '75'] },
  { category: 'cyber', title: 'Phát hiện tấn công dò quét vào cổng dịch vụ công', provinces: ['01', '79', '48'] },
];

export const SOURCE_SYSTEMS = {
  indicators: 'Cục Thống kê (NSO)',
  disbursement: 'Kho bạc Nhà nước',
  registrations: 'Cổng thông tin quốc gia về đăng ký doanh nghiệp',
  tasks: 'Hệ thống theo dõi nhiệm vụ Chính phủ giao',
  alerts: 'Trung tâm điều hành tích hợp',
  documents: 'Hệ thống quản lý văn bản điều hành',
  publicServices: 'Cổng Dịch vụ công quốc gia',
} as const;
