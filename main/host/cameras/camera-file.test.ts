import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CameraFileError, loadCameraFile } from './camera-file';

const dir = mkdtempSync(join(tmpdir(), 'ioc-cameras-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('a camera list', () => {
  it('reads CSV with Vietnamese yes/no, province codes kept as text, kinds from the URL', async () => {
    const cameras = await loadCameraFile(
      file(
        'ok.csv',
        [
          'id,name,lat,lon,province,url,sensitive',
          'cau-rong,"Cầu Rồng, Đà Nẵng",16.0614,108.2272,,rtsp://user:pw@10.0.0.5/stream1,không',
          'ubnd-hn,Trụ sở UBND,,,01,https://vms.ioc.local/hn/index.m3u8,có',
        ].join('\n'),
      ),
    );
    expect(cameras).toEqual([
      expect.objectContaining({
        id: 'cau-rong',
        name: 'Cầu Rồng, Đà Nẵng',
        lat: 16.0614,
        kind: 'rtsp',
        sensitive: false,
      }),
      expect.objectContaining({ id: 'ubnd-hn', province: '01', kind: 'hls', sensitive: true }),
    ]);
  });

  it('reads JSON, where a WHEP camera says its kind', async () => {
    const cameras = await loadCameraFile(
      file(
        'ok.json',
        JSON.stringify({
          cameras: [
            { id: 'c1', name: 'Cổng A', province: '79', url: 'https://vms/c1/whep', kind: 'whep', sensitive: true },
          ],
        }),
      ),
    );
    expect(cameras[0]).toMatchObject({ kind: 'whep', sensitive: true });
  });

  it.each([
    ['bad-url.csv', 'id,name,lat,lon,url\nc1,Cổng,16,108,ftp://x/y', /row 2, url/],
    ['no-place.csv', 'id,name,url\nc1,Cổng,rtsp://10.0.0.5/s', /row 2, province: a location/],
    ['half.csv', 'id,name,lat,url\nc1,Cổng,16,rtsp://10.0.0.5/s', /row 2, lat: lat and lon go together/],
    ['sensitive.csv', 'id,name,province,url,sensitive\nc1,Cổng,01,rtsp://h/s,maybe', /row 2, sensitive/],
    ['twice.csv', 'id,name,province,url\nc1,A,01,rtsp://h/s\nc1,B,01,rtsp://h/t', /row 3, id: "c1" is listed twice/],
    ['kind.json', '[{"id":"c1","name":"A","province":"01","url":"https://vms/c1"}]', /cameras\[0\], kind/],
    ['id.json', '[{"id":"../x","name":"A","province":"01","url":"rtsp://h/s"}]', /cameras\[0\], id/],
    ['broken.json', '{', /cannot read camera file/],
  ])('%s is refused naming the field', async (name, text, message) => {
    const error = await loadCameraFile(file(name, text)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CameraFileError);
    expect((error as Error).message).toMatch(message);
  });
});
