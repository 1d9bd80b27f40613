// The 34 provincial-level units in force since 1 July 2025 (codes of Decision 19/2025/QĐ-TTg),
// generated from assets/geodata/vn_provinces_34.geojson so the map and the data agree on codes and names.
// Every label of a province the UI shows comes from here, through provinceName().
export interface Province {
  readonly code: string;
  /** Short name, as maps, rankings and tickers print it: "Hà Nội", "TP Hồ Chí Minh" (never "Hồ Chí Minh" alone,
   * which reads as the President's name). */
  readonly name: string;
  /** Full administrative name: "Thành phố Hồ Chí Minh", "Tỉnh Cao Bằng". */
  readonly fullName: string;
  readonly nameEn: string;
  readonly kind: 'city' | 'province';
}

export const PROVINCES: readonly Province[] = [
  { code: '01', name: 'Hà Nội', fullName: 'Thành phố Hà Nội', nameEn: 'Ha Noi', kind: 'city' },
  { code: '04', name: 'Cao Bằng', fullName: 'Tỉnh Cao Bằng', nameEn: 'Cao Bang', kind: 'province' },
  { code: '08', name: 'Tuyên Quang', fullName: 'Tỉnh Tuyên Quang', nameEn: 'Tuyen Quang', kind: 'province' },
  { code: '11', name: 'Điện Biên', fullName: 'Tỉnh Điện Biên', nameEn: 'Dien Bien', kind: 'province' },
  { code: '12', name: 'Lai Châu', fullName: 'Tỉnh Lai Châu', nameEn: 'Lai Chau', kind: 'province' },
  { code: '14', name: 'Sơn La', fullName: 'Tỉnh Sơn La', nameEn: 'Son La', kind: 'province' },
  { code: '15', name: 'Lào Cai', fullName: 'Tỉnh Lào Cai', nameEn: 'Lao Cai', kind: 'province' },
  { code: '19', name: 'Thái Nguyên', fullName: 'Tỉnh Thái Nguyên', nameEn: 'Thai Nguyen', kind: 'province' },
  { code: '20', name: 'Lạng Sơn', fullName: 'Tỉnh Lạng Sơn', nameEn: 'Lang Son', kind: 'province' },
  { code: '22', name: 'Quảng Ninh', fullName: 'Tỉnh Quảng Ninh', nameEn: 'Quang Ninh', kind: 'province' },
  { code: '24', name: 'Bắc Ninh', fullName: 'Tỉnh Bắc Ninh', nameEn: 'Bac Ninh', kind: 'province' },
  { code: '25', name: 'Phú Thọ', fullName: 'Tỉnh Phú Thọ', nameEn: 'Phu Tho', kind: 'province' },
  { code: '31', name: 'Hải Phòng', fullName: 'Thành phố Hải Phòng', nameEn: 'Hai Phong', kind: 'city' },
  { code: '33', name: 'Hưng Yên', fullName: 'Tỉnh Hưng Yên', nameEn: 'Hung Yen', kind: 'province' },
  { code: '37', name: 'Ninh Bình', fullName: 'Tỉnh Ninh Bình', nameEn: 'Ninh Binh', kind: 'province' },
  { code: '38', name: 'Thanh Hóa', fullName: 'Tỉnh Thanh Hóa', nameEn: 'Thanh Hoa', kind: 'province' },
  { code: '40', name: 'Nghệ An', fullName: 'Tỉnh Nghệ An', nameEn: 'Nghe An', kind: 'province' },
  { code: '42', name: 'Hà Tĩnh', fullName: 'Tỉnh Hà Tĩnh', nameEn: 'Ha Tinh', kind: 'province' },
  { code: '44', name: 'Quảng Trị', fullName: 'Tỉnh Quảng Trị', nameEn: 'Quang Tri', kind: 'province' },
  { code: '46', name: 'Huế', fullName: 'Thành phố Huế', nameEn: 'Hue', kind: 'city' },
  { code: '48', name: 'Đà Nẵng', fullName: 'Thành phố Đà Nẵng', nameEn: 'Da Nang', kind: 'city' },
  { code: '51', name: 'Quảng Ngãi', fullName: 'Tỉnh Quảng Ngãi', nameEn: 'Quang Ngai', kind: 'province' },
  { code: '52', name: 'Gia Lai', fullName: 'Tỉnh Gia Lai', nameEn: 'Gia Lai', kind: 'province' },
  { code: '56', name: 'Khánh Hòa', fullName: 'Tỉnh Khánh Hòa', nameEn: 'Khanh Hoa', kind: 'province' },
  { code: '66', name: 'Đắk Lắk', fullName: 'Tỉnh Đắk Lắk', nameEn: 'Dak Lak', kind: 'province' },
  { code: '68', name: 'Lâm Đồng', fullName: 'Tỉnh Lâm Đồng', nameEn: 'Lam Dong', kind: 'province' },
  { code: '75', name: 'Đồng Nai', fullName: 'Tỉnh Đồng Nai', nameEn: 'Dong Nai', kind: 'province' },
  { code: '79', name: 'TP Hồ Chí Minh', fullName: 'Thành phố Hồ Chí Minh', nameEn: 'Ho Chi Minh City', kind: 'city' },
  { code: '80', name: 'Tây Ninh', fullName: 'Tỉnh Tây Ninh', nameEn: 'Tay Ninh', kind: 'province' },
  { code: '82', name: 'Đồng Tháp', fullName: 'Tỉnh Đồng Tháp', nameEn: 'Dong Thap', kind: 'province' },
  { code: '86', name: 'Vĩnh Long', fullName: 'Tỉnh Vĩnh Long', nameEn: 'Vinh Long', kind: 'province' },
  { code: '91', name: 'An Giang', fullName: 'Tỉnh An Giang', nameEn: 'An Giang', kind: 'province' },
  { code: '92', name: 'Cần Thơ', fullName: 'Thành phố Cần Thơ', nameEn: 'Can Tho', kind: 'city' },
  { code: '96', name: 'Cà Mau', fullName: 'Tỉnh Cà Mau', nameEn: 'Ca Mau', kind: 'province' },
];

export const PROVINCE_CODES: readonly string[] = PROVINCES.map((p) => p.code);

const byCode = new Map(PROVINCES.map((p) => [p.code, p]));

export function provinceByCode(code: string): Province | undefined {
  return byCode.get(code);
}

/** How a province is labelled in a locale: its short name (maps, rankings, tickers) or its full name. */
export function provinceName(code: string, locale: 'vi' | 'en', form: 'short' | 'full' = 'short'): string {
  const p = byCode.get(code);
  if (!p) return code;
  if (locale === 'en') return p.nameEn;
  return form === 'full' ? p.fullName : p.name;
}
