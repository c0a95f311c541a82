import { renderizarPng } from './render';

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#08306b"/></svg>';
const FIRMA_PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe('renderizarPng', () => {
  it('draws images asked for at once, each whole and at its own size', async () => {
    const imagenes = await Promise.all([1, 2, 3].map((escala) => renderizarPng(SVG, 40, escala)));
    for (const png of imagenes) expect(png.subarray(0, 4)).toEqual(FIRMA_PNG);
    // Width in the IHDR chunk: 40 px times the scale.
    expect(imagenes.map((png) => png.readUInt32BE(16))).toEqual([40, 80, 120]);
  });

  it('goes on drawing after an image it could not draw', async () => {
    const fallida = renderizarPng('<svg', 40, 1);
    const siguiente = renderizarPng(SVG, 40, 1);
    await expect(fallida).rejects.toThrow();
    await expect(siguiente).resolves.toEqual(expect.any(Buffer));
  });
});
