import { describe, expect, it } from 'vitest';
import { clampZoom, fit, READABLE_ZOOM, readableFit, MAX_ZOOM, MIN_ZOOM, pan, reveal, transformOf, wheelFactor, zoomAt, zoomCentre, ZOOM_STEP } from './map-viewport';

/** Where a drawing point lands in the viewport under a view. */
const screen = (v: { k: number; x: number; y: number }, px: number, py: number) => [v.x + px * v.k, v.y + py * v.k];

describe('the map viewport maths', () => {
  it('zooms around the pointer: the drawing point under it stays under it', () => {
    const v = { k: 0.8, x: 40, y: -25 };
    const pointer = [300, 200] as const;
    const drawing = [(pointer[0] - v.x) / v.k, (pointer[1] - v.y) / v.k];
    const z = zoomAt(v, 1.5, ...pointer);
    expect(z.k).toBeCloseTo(1.2);
    const [sx, sy] = screen(z, drawing[0], drawing[1]);
    expect(sx).toBeCloseTo(pointer[0]);
    expect(sy).toBeCloseTo(pointer[1]);
  });

  it('keeps the zoom within its bounds, and a clamped zoom still keeps the point fixed', () => {
    expect(clampZoom(100)).toBe(MAX_ZOOM);
    expect(clampZoom(0)).toBe(MIN_ZOOM);
    const v = { k: 3.5, x: 10, y: 10 };
    const z = zoomAt(v, 2, 100, 100);
    expect(z.k).toBe(MAX_ZOOM);
    const [sx] = screen(z, (100 - v.x) / v.k, 0);
    expect(sx).toBeCloseTo(100);
  });

  it('steps in and out symmetrically around the centre', () => {
    const vp = { width: 800, height: 600 };
    const v = { k: 1, x: 12, y: 34 };
    const back = zoomCentre(zoomCentre(v, ZOOM_STEP, vp), 1 / ZOOM_STEP, vp);
    expect(back.k).toBeCloseTo(1);
    expect(back.x).toBeCloseTo(12);
    expect(back.y).toBeCloseTo(34);
  });

  it('fits a drawing inside the viewport, centred, never enlarging past 125 %', () => {
    const vp = { width: 1000, height: 500 };
    const big = fit({ width: 2000, height: 600 }, vp, 20);
    expect(big.k).toBeCloseTo((1000 - 40) / 2000);
    const [l, t] = screen(big, 0, 0);
    const [r, b] = screen(big, 2000, 600);
    expect(l).toBeGreaterThanOrEqual(19.99);
    expect(r).toBeLessThanOrEqual(980.01);
    expect((l + r) / 2).toBeCloseTo(500);
    expect((t + b) / 2).toBeCloseTo(250);
    expect(fit({ width: 100, height: 50 }, vp).k).toBe(1.25);
    expect(fit({ width: 0, height: 0 }, vp)).toEqual({ k: 1, x: 0, y: 0 });
  });

  it('pans by pixels and reveals a box that is off-screen with the smallest move', () => {
    expect(pan({ k: 2, x: 1, y: 2 }, 10, -5)).toEqual({ k: 2, x: 11, y: -3 });
    const vp = { width: 400, height: 300 };
    const v = { k: 1, x: 0, y: 0 };
    expect(reveal(v, { x: 50, y: 50, width: 40, height: 20 }, vp)).toBe(v); // already visible
    const r = reveal(v, { x: 600, y: 100, width: 100, height: 30 }, vp, 24);
    const [right] = screen(r, 700, 0);
    expect(right).toBeCloseTo(400 - 24);
    expect(r.y).toBe(0);
    const up = reveal(v, { x: 10, y: -200, width: 50, height: 30 }, vp, 24);
    expect(screen(up, 0, -200)[1]).toBeCloseTo(24);
  });

  it('turns wheel deltas into gentle factors and writes an SVG transform', () => {
    expect(wheelFactor(0)).toBe(1);
    expect(wheelFactor(-100)).toBeGreaterThan(1);
    expect(wheelFactor(100)).toBeLessThan(1);
    expect(wheelFactor(100000)).toBe(wheelFactor(100)); // one huge tick does not jump to the bound
    expect(transformOf({ k: 0.5, x: 10.123, y: -4 })).toBe('translate(10.12,-4) scale(0.5)');
  });
});

describe('the opening view', () => {
  const vp = { width: 1200, height: 500 };
  it('is the whole map when that is readable', () => {
    expect(readableFit({ width: 600, height: 400 }, vp)).toEqual(fit({ width: 600, height: 400 }, vp));
  });

  it('opens a tall map at its top at a readable scale, as wide as fits', () => {
    const tall = { width: 700, height: 2400 };
    expect(fit(tall, vp).k).toBeLessThan(READABLE_ZOOM);
    const v = readableFit(tall, vp, 16);
    expect(v.k).toBe(READABLE_ZOOM);
    expect(v.y).toBe(16);
    expect(v.x + (tall.width * v.k) / 2).toBeCloseTo(600); // centred across
  });

  it('never makes a wide map overflow sideways', () => {
    const wide = { width: 4000, height: 3000 };
    const v = readableFit(wide, vp, 16);
    expect(wide.width * v.k).toBeLessThanOrEqual(1200 - 32 + 1e-9);
  });
});
