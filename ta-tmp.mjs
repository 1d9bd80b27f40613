import * as echarts from 'echarts';
const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 400, height: 300 });
const n = 3000, d = new Float64Array(n * 2);
for (let i = 0; i < n; i++) { d[2*i] = 1e12 + i * 100; d[2*i+1] = Math.sin(i / 50) * 100; }
chart.setOption({ animation: false, xAxis: { type: 'time' }, yAxis: { type: 'value', scale: true }, series: [{ type: 'line', data: d, dimensions: ['time', 'value'], sampling: 'lttb', showSymbol: false }] });
const data = chart.getModel().getSeries()[0].getData();
console.log('count', data.count(), data.get('time', 0), data.get('value', 10), 'raw', chart.getModel().getSeries()[0].getRawData().count());
let t = performance.now();
const arr = Array.from({ length: n }, (_, i) => [d[2*i], d[2*i+1]]);
for (let k = 0; k < 50; k++) chart.setOption({ series: [{ type: 'line', data: arr, sampling: 'lttb', showSymbol: false }] }, { replaceMerge: ['series'] });
console.log('arrays ms/setOption', (performance.now() - t) / 50);
t = performance.now();
for (let k = 0; k < 50; k++) chart.setOption({ series: [{ type: 'line', data: d, dimensions: ['time','value'], sampling: 'lttb', showSymbol: false }] }, { replaceMerge: ['series'] });
console.log('typed ms/setOption', (performance.now() - t) / 50);
