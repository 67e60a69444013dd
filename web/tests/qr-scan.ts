// Reads a QR code the way a phone's camera app does: from pixels. The receipt's SVG is
// drawn into a canvas in a blank browser page and decoded by jsQR (a pinned dev
// dependency, injected from node_modules: nothing is fetched), so the tests prove that
// the printed symbol itself carries the link, not only the text beside it.

import { createRequire } from 'node:module';
import { expect, type Browser } from '@playwright/test';

const require = createRequire(import.meta.url);
const JSQR = require.resolve('jsqr/dist/jsQR.js');

/** The text of the first QR code drawn as an <svg> in `html`. */
export async function scanQrCode(browser: Browser, html: string): Promise<string> {
  const svg = /<svg\b[\s\S]*?<\/svg>/.exec(html)?.[0];
  expect(svg, 'the receipt has no <svg> QR code').toBeDefined();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.setContent('<!doctype html><title>scan</title>');
    await page.addScriptTag({ path: JSQR });
    const text = await page.evaluate(async (markup: string) => {
      const image = new Image();
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
      await image.decode();
      // 8 pixels a module or so, as a camera sees a printed 26 mm symbol.
      const side = 400;
      const canvas = document.createElement('canvas');
      canvas.width = side;
      canvas.height = side;
      const context2d = canvas.getContext('2d');
      if (context2d === null) return null;
      context2d.drawImage(image, 0, 0, side, side);
      const pixels = context2d.getImageData(0, 0, side, side);
      const decode = (window as unknown as { jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }).jsQR;
      return decode(pixels.data, side, side)?.data ?? null;
    }, svg as string);
    expect(text, 'the QR code could not be read').not.toBeNull();
    return text as string;
  } finally {
    await context.close();
  }
}
