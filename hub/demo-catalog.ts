// Names and magnitudes the demo source draws from, so the demo wall looks like a real Vietnamese IOC.

/**
 * Relative economic size of each province (shares of the national figure, not percentages): the large economies
 * attract most FDI and register most businesses; the northern mountain provinces very little.
 */
export const ECONOMIC_WEIGHT: Readonly<Record<string, number>> = {
  '79': 12, // TP Hồ Chí Minh
  '01': 9, // Hà Nội
  '24': 5, // Bắc Ninh
  '31': 4.5, // Hải Phòng
  '75': 3.5, // Đồng Nai
  '80': 3, // Tây Ninh
  '33': 2.5, // Hưng Yên
  '22': 2.5, // Quảng Ninh
  '25': 2.5, // Phú Thọ
  '48': 2, // Đà Nẵng
  '38': 2, // Thanh Hóa
  '40': 1.5, // Nghệ An
  '19': 1.5, // Thái Nguyên
  '37': 1.5, // Ninh Bình
  '56': 1, // Khánh Hòa
  '92': 1, // Cần Thơ
  '86': 0.8, // Vĩnh Long
  '82': 0.8, // Đồng Tháp
  '91': 0.8, // An Giang
  '51': 0.8, // Quảng Ngãi
  '52': 0.7, // Gia Lai
  '68': 0.7, // Lâm Đồng
  '42': 0.7, // Hà Tĩnh
  '44': 0.6, // Quảng Trị
  '46': 0.6, // Huế
  '66': 0.5, // Đắk Lắk
  '96': 0.4, // Cà Mau
  '15': 0.4, // Lào Cai
  '08': 0.2, // Tuyên Quang
  '20': 0.2, // Lạng Sơn
  '14': 0.15, // Sơn La
  '04': 0.08, // Cao Bằng
  '11': 0.05, // Điện Biên
  '12': 0.05, // Lai Châu
};

/** National totals the demo's series add up to, of the order the real ones have. */
export const NATIONAL_SCALE = {
  /** Registered FDI in a month, million USD (about 3 billion USD). */
  fdiPerMonth: 3000,
  /** Businesses registered for establishment in a month. */
  newBusinessesPerMonth: 16_000,
} as const;

/** What each live counter reaches on a working day (Saturdays and Sundays are quieter). */
export const DAILY_TOTALS = {
  new_businesses_today: 700,
  public_services_today: 25_000,
  documents_processed_today: 1_500,
} as const;

/**
 * Public investment disbursed, % of the year's plan, at the end of each quarter (day of year): the real curve
 * is slow until the summer and steep at the end of the year, and starts again from zero in January.
 */
export const DISBURSEMENT_CURVE: ReadonlyArray<readonly [dayOfYear: number, percent: number]> = [
  [0, 0],
  [90, 12.5],
  [181, 32.5],
  [273, 55],
  [365, 88],
];

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
  // Titles as the bulletins of the hydro-meteorological, health and cyber-security services word them.
  { category: 'flood', title: 'Mực nước sông trên báo động 3', provinces: ['46', '44', '48', '51'] },
  { category: 'storm', title: 'Bão trên Biển Đông, sức gió mạnh nhất cấp 10–11', provinces: ['51', '52', '56', '48'] },
  {
    category: 'landslide',
    title: 'Nguy cơ lũ quét, sạt lở đất khu vực miền núi',
    provinces: ['15', '08', '04', '12', '11'],
  },
  { category: 'fire', title: 'Cấp dự báo cháy rừng cấp V (cực kỳ nguy hiểm)', provinces: ['14', '11', '68'] },
  {
    category: 'public_health',
    title: 'Số ca mắc sốt xuất huyết tăng cao bất thường',
    provinces: ['79', '92', '91', '01'],
  },
  { category: 'infrastructure', title: 'Sự cố mất điện trên diện rộng', provinces: ['01', '79', '31', '75'] },
  { category: 'cyber', title: 'Phát hiện dò quét, tấn công vào cổng dịch vụ công', provinces: ['01', '79', '48'] },
];

/** Who publishes each series (after the 2025 reorganisation, the statistics office is part of Bộ Tài chính). */
export const SOURCE_SYSTEMS = {
  statistics: 'Cục Thống kê (Bộ Tài chính)',
  fdi: 'Cục Đầu tư nước ngoài (Bộ Tài chính)',
  disbursement: 'Kho bạc Nhà nước',
  registrations: 'Hệ thống thông tin quốc gia về đăng ký doanh nghiệp',
  tasks: 'Hệ thống theo dõi nhiệm vụ Chính phủ giao',
  alerts: 'Trung tâm điều hành tích hợp',
  documents: 'Hệ thống quản lý văn bản điều hành',
  publicServices: 'Cổng Dịch vụ công quốc gia',
} as const;
