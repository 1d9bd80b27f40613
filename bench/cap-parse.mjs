// CAP warnings: messages/s parsed (declaration check, well-formedness, fast-xml-parser, zod) and then mapped to
// provinces (polygons and circles against the 34 province boundaries, geocodes by name). The messages are a
// deterministic mix a national weather service might send in a storm: Alerts, Updates and Cancels, a polygon of
// 5–40 vertices somewhere over Vietnam, a circle, a geocode. Prints figures; never passes or fails on time.
//
//   npx tsc -b && node bench/cap-parse.mjs [--quick]
import { parseCapAlert } from '../dist/hub/connectors/cap/cap-xml.js';
import { loadProvinceIndex } from '../dist/hub/connectors/cap/province-index-file.js';
import { capWarning } from '../dist/src/domain/warnings/cap-warning.js';
import { PROVINCES } from '../dist/src/domain/provinces.js';
import { fmt, section, table } from './report.mjs';
import { random, round, runAlone } from './support.mjs';

const SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor'];

function message(rnd, i) {
  const lat = 9 + rnd() * 13;
  const lon = 103 + rnd() * 6;
  const r = 0.1 + rnd() * 0.8;
  const n = 5 + Math.floor(rnd() * 36);
  const ring = Array.from({ length: n }, (_, k) => {
    const a = (2 * Math.PI * k) / n;
    return `${(lat + r * Math.sin(a)).toFixed(4)},${(lon + r * Math.cos(a)).toFixed(4)}`;
  });
  ring.push(ring[0]);
  const type = i % 10 === 9 ? 'Cancel' : i % 3 === 2 ? 'Update' : 'Alert';
  const sent = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString().replace('.000Z', '+00:00');
  const refs = type === 'Alert' ? '' : `<references>nchmf.gov.vn,B-${i - 1},2026-11-01T00:00:00+00:00</references>`;
  const province = PROVINCES[i % PROVINCES.length].name;
  const info =
    type === 'Cancel'
      ? ''
      : `<info><language>vi-VN</language><category>Met</category><event>Mưa lớn</event>
  <urgency>Expected</urgency><severity>${SEVERITIES[i % 4]}</severity><certainty>Likely</certainty>
  <headline>Cảnh báo mưa lớn số ${i}</headline><description>Mưa 100–200 mm.</description>
  <area><areaDesc>Vùng ${i}</areaDesc><polygon>${ring.join(' ')}</polygon>
    <circle>${lat.toFixed(3)},${lon.toFixed(3)} ${(5 + rnd() * 30).toFixed(1)}</circle>
    <geocode><valueName>province</valueName><value>${province}</value></geocode></area></info>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>B-${i}</identifier><sender>nchmf.gov.vn</sender>
<sent>${sent}</sent><status>Actual</status><msgType>${type}</msgType><scope>Public</scope>${refs}${info}</alert>`;
}

function pass(docs, index) {
  let provinces = 0;
  const t0 = process.hrtime.bigint();
  const alerts = docs.map((d) => {
    const parsed = parseCapAlert(d);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.alert;
  });
  const t1 = process.hrtime.bigint();
  for (const alert of alerts) provinces += capWarning(alert, index).provinces.length;
  const t2 = process.hrtime.bigint();
  const parseS = Number(t1 - t0) / 1e9;
  const mapS = Number(t2 - t1) / 1e9;
  return { parseS, mapS, provinces, rate: docs.length / (parseS + mapS), parseRate: docs.length / parseS };
}

export async function run({ quick, print }) {
  const count = quick ? 2_000 : 20_000;
  const rnd = random(1712);
  const docs = Array.from({ length: count }, (_, i) => message(rnd, i));
  const index = loadProvinceIndex();
  pass(docs.slice(0, 500), index); // warm-up
  const runs = [1, 2, 3].map(() => pass(docs, index));
  const median = [...runs].sort((a, b) => a.rate - b.rate)[1];
  const kb = docs.reduce((n, d) => n + Buffer.byteLength(d), 0) / docs.length / 1024;
  print(
    section('CAP warnings: parsed, checked and mapped to provinces', [
      `${fmt(count)} messages (Alert/Update/Cancel, ${fmt(kb, 1)} kB on average, a 5–40 vertex polygon, a circle ` +
        `and a geocode each), 3 passes after a warm-up; ${fmt(median.provinces / count, 1)} provinces per message`,
    ]),
  );
  print(
    table(
      ['pass', 'parse s', 'map s', 'parsed/s', 'parsed+mapped/s'],
      runs.map((r, i) => [i + 1, fmt(r.parseS, 3), fmt(r.mapS, 3), fmt(r.parseRate), fmt(r.rate)]),
    ),
  );
  return {
    bench: 'cap-parse',
    messages: count,
    medianParsedPerSecond: round(median.parseRate),
    medianParsedAndMappedPerSecond: round(median.rate),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await runAlone(run);
