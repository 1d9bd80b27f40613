// A test pattern: white 45° lines (x − y a multiple of `spacing`) on black, drawn in the tile's own pixels. A
// tile spanning monitors is drawn whole on each of them and clipped, so on a bezel-compensated wall every line
// continues across a seam shifted by exactly the pixels hidden behind the bezels: installers and the end-to-end
// test check alignment with it.
import { useEffect, useRef, type ReactNode } from 'react';
import type { WidgetProps } from '../widget-definition';
import type { TestPatternSettings } from './test-pattern-settings';

function draw(canvas: HTMLCanvasElement, { spacing, lineWidth }: TestPatternSettings): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const { width, height } = canvas;
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, width, height);
  ctx.strokeStyle = '#fff';
  ctx.lineWidth = lineWidth;
  ctx.beginPath();
  // Lines y = x − k·spacing, for every k that reaches the canvas.
  for (let k = -Math.ceil(height / spacing); k * spacing < width; k++) {
    const x0 = k * spacing;
    ctx.moveTo(x0, 0);
    ctx.lineTo(x0 + height, height);
  }
  ctx.stroke();
}

export function TestPatternView({ settings }: WidgetProps<TestPatternSettings>): ReactNode {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const fit = (): void => {
      // One canvas pixel per CSS pixel: the pattern's geometry is what is measured on the screen.
      canvas.width = Math.max(1, Math.round(canvas.clientWidth));
      canvas.height = Math.max(1, Math.round(canvas.clientHeight));
      draw(canvas, settings);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [settings]);
  return <canvas ref={ref} data-testid="test-pattern" style={{ display: 'block', width: '100%', height: '100%' }} />;
}
