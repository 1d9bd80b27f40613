import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VideoSettings } from './video-settings';

const errors = (raw: unknown): string => {
  const r = VideoSettings.safeParse(raw);
  return r.success ? '' : z.prettifyError(r.error);
};

describe('VideoSettings', () => {
  it('fills the fit and the stall time', () => {
    expect(VideoSettings.parse({ name: 'Cầu Rồng', source: 'hls', url: 'http://10.0.0.5/cam1/index.m3u8' })).toEqual({
      name: 'Cầu Rồng',
      source: 'hls',
      url: 'http://10.0.0.5/cam1/index.m3u8',
      fit: 'contain',
      stallSeconds: 6,
    });
  });

  it('takes paths on this host and bundled media', () => {
    expect(errors({ name: 'a', source: 'file', url: '/media/a.mp4' })).toBe('');
    expect(errors({ name: 'a', source: 'file', url: 'bundled:demo-clip' })).toBe('');
    expect(errors({ name: 'a', source: 'whep', url: 'https://vms.ioc.local/cam/whep', poster: '/p.jpg' })).toBe('');
  });

  it('refuses other schemes, protocol-relative URLs, unknown sources and an empty name', () => {
    expect(errors({ name: 'a', source: 'file', url: 'javascript:alert(1)' })).toMatch(/url/);
    expect(errors({ name: 'a', source: 'file', url: '//evil.example/x.mp4' })).toMatch(/url/);
    expect(errors({ name: 'a', source: 'rtsp', url: '/x' })).toMatch(/source/);
    expect(errors({ name: ' ', source: 'hls', url: '/x.m3u8' })).toMatch(/name/);
    expect(errors({ name: 'a', source: 'hls', url: '/x.m3u8', poster: 'javascript:1' })).toMatch(/poster/);
  });
});
