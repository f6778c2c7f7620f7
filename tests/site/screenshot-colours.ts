import type { Browser } from 'playwright-core';

/**
 * How many colours a PNG screenshot holds (counting stops at 16), read in a page of its own: 1 means nothing is
 * drawn but a background. `every`: look at every n-th pixel only, for a whole page.
 */
export async function screenshotColours(browser: Browser, png: Buffer, every = 1): Promise<number> {
  const probe = await browser.newPage();
  try {
    return await probe.evaluate(
      async ({ data, step }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const pixels = context.getImageData(0, 0, image.width, image.height).data;
        const seen = new Set<number>();
        for (let index = 0; index < pixels.length && seen.size < 16; index += 4 * step) seen.add((pixels[index]! << 16) | (pixels[index + 1]! << 8) | pixels[index + 2]!);
        return seen.size;
      },
      { data: png.toString('base64'), step: every },
    );
  } finally {
    await probe.close();
  }
}
