/**
 * The few layout pieces an A4 report needs on top of pdfkit: headings, paragraphs, tables whose
 * header repeats on each page, charts drawn from their SVG as vectors, and the page numbers.
 * Text is set in the DejaVu fonts the chart images use, embedded, so it can be selected and
 * searched and every Spanish letter shows.
 */
import { ARCHIVOS_DE_FUENTE } from '@tablero/charts';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';

const NORMAL = 'DejaVu';
const NEGRITA = 'DejaVu-Negrita';

/** Each font file read and parsed once per process; a document embeds the subset it uses. */
const FUENTES = {
  [NORMAL]: fontkit.openSync(ARCHIVOS_DE_FUENTE.normal),
  [NEGRITA]: fontkit.openSync(ARCHIVOS_DE_FUENTE.negrita),
};
const AZUL = '#0B3D6B';
const GRIS = '#555555';
const MARGEN = 56;

export interface Columna {
  readonly titulo: string;
  /** Share of the text width. */
  readonly ancho: number;
  readonly alinear?: 'left' | 'right';
}

export interface Metadatos {
  readonly titulo: string;
  readonly asunto: string;
  readonly autor: string;
  readonly palabrasClave: string;
  readonly creado: Date;
}

export class Pagina {
  readonly doc: PDFKit.PDFDocument;
  private readonly partes: Buffer[] = [];
  private readonly terminado: Promise<Buffer>;

  constructor(m: Metadatos) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGEN, bottom: MARGEN + 14, left: MARGEN, right: MARGEN },
      bufferPages: true,
      // No default font: Helvetica would be loaded for nothing, and a DejaVu loaded by path would
      // stop pdfkit from caching the same font under the names registered below.
      font: null as unknown as string,
      lang: 'es-CO',
      displayTitle: true,
      info: {
        Title: m.titulo,
        Subject: m.asunto,
        Author: m.autor,
        Keywords: m.palabrasClave,
        Creator: 'Tablero JPT',
        CreationDate: m.creado,
      },
    });
    for (const [nombre, fuente] of Object.entries(FUENTES))
      this.doc.registerFont(nombre, fuente as unknown as Buffer);
    this.doc.on('data', (parte: Buffer) => this.partes.push(parte));
    this.terminado = new Promise((listo, fallo) => {
      this.doc.on('end', () => listo(Buffer.concat(this.partes)));
      this.doc.on('error', fallo);
    });
    this.doc.font(NORMAL).fontSize(10).fillColor('black');
  }

  get ancho(): number {
    return this.doc.page.width - MARGEN * 2;
  }

  private get fondo(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** A new page unless `alto` points still fit on this one. */
  reservar(alto: number): void {
    if (this.doc.y + alto > this.fondo) this.doc.addPage();
  }

  titulo(texto: string, tamano = 16): void {
    this.reservar(tamano * 4);
    this.doc.moveDown(0.6);
    this.doc.font(NEGRITA).fontSize(tamano).fillColor(AZUL).text(texto, MARGEN);
    this.doc.moveDown(0.4);
    this.doc.font(NORMAL).fontSize(10).fillColor('black');
  }

  parrafo(
    texto: string,
    opciones: {
      tamano?: number;
      color?: string;
      negrita?: boolean;
      alinear?: 'left' | 'center';
    } = {},
  ): void {
    this.doc
      .font(opciones.negrita ? NEGRITA : NORMAL)
      .fontSize(opciones.tamano ?? 10)
      .fillColor(opciones.color ?? 'black')
      .text(texto, MARGEN, undefined, {
        width: this.ancho,
        align: opciones.alinear ?? 'left',
        lineGap: 2,
      });
    this.doc.moveDown(0.4);
    this.doc.font(NORMAL).fontSize(10).fillColor('black');
  }

  nota(texto: string): void {
    this.parrafo(texto, { tamano: 8.5, color: GRIS });
  }

  /** Label and value pairs, the label in bold. */
  pares(pares: readonly (readonly [string, string])[]): void {
    const etiqueta = this.ancho * 0.28;
    for (const [clave, valor] of pares) {
      const alto = Math.max(
        this.doc.font(NEGRITA).heightOfString(clave, { width: etiqueta - 8 }),
        this.doc.font(NORMAL).heightOfString(valor, { width: this.ancho - etiqueta }),
      );
      this.reservar(alto);
      const arriba = this.doc.y;
      this.doc.font(NEGRITA).text(clave, MARGEN, arriba, { width: etiqueta - 8 });
      this.doc.font(NORMAL).text(valor, MARGEN + etiqueta, arriba, {
        width: this.ancho - etiqueta,
      });
      this.doc.y = arriba + alto + 5;
    }
    this.doc.x = MARGEN;
  }

  /** A table: its header on a tinted band, repeated on every page it runs onto. */
  tabla(
    columnas: readonly Columna[],
    filas: readonly (readonly string[])[],
    ultimaEnNegrita = false,
  ): void {
    const anchos = columnas.map((c) => c.ancho * this.ancho);
    const relleno = 3;
    const tamano = 8.5;
    const alto = (celdas: readonly string[], fuente: string) =>
      Math.max(
        ...celdas.map((t, i) =>
          this.doc
            .font(fuente)
            .fontSize(tamano)
            .heightOfString(t, { width: anchos[i] - relleno * 2 }),
        ),
      ) +
      relleno * 2;
    const escribir = (celdas: readonly string[], fuente: string, fondo?: string) => {
      const h = alto(celdas, fuente);
      const y = this.doc.y;
      if (fondo) this.doc.rect(MARGEN, y, this.ancho, h).fill(fondo);
      let x = MARGEN;
      celdas.forEach((t, i) => {
        this.doc
          .font(fuente)
          .fontSize(tamano)
          .fillColor('black')
          .text(t, x + relleno, y + relleno, {
            width: anchos[i] - relleno * 2,
            align: columnas[i].alinear ?? 'left',
          });
        x += anchos[i];
      });
      this.doc
        .moveTo(MARGEN, y + h)
        .lineTo(MARGEN + this.ancho, y + h)
        .lineWidth(0.5)
        .strokeColor('#BBBBBB')
        .stroke();
      this.doc.y = y + h;
    };
    const encabezado = () =>
      escribir(
        columnas.map((c) => c.titulo),
        NEGRITA,
        '#E3EBF3',
      );
    const cabecera = columnas.map((c) => c.titulo);
    this.reservar(alto(cabecera, NEGRITA) + alto(filas[0] ?? cabecera, NORMAL));
    encabezado();
    filas.forEach((fila, i) => {
      const fuente = ultimaEnNegrita && i === filas.length - 1 ? NEGRITA : NORMAL;
      if (this.doc.y + alto(fila, fuente) > this.fondo) {
        this.doc.addPage();
        encabezado();
      }
      escribir(fila, fuente);
    });
    this.doc.x = MARGEN;
    this.doc.moveDown(0.6);
    this.doc.font(NORMAL).fontSize(10);
  }

  /** A chart's SVG drawn as vectors across the text width, its words in the embedded fonts. */
  grafico(svg: string, ancho: number, alto: number): void {
    const altoEnPagina = (alto * this.ancho) / ancho;
    this.reservar(altoEnPagina);
    const y = this.doc.y;
    // The root's own size wins over the viewport given below: it is set to the size on the page,
    // and its viewBox scales the drawing into it.
    const ajustado = svg.replace(
      `width="${ancho}" height="${alto}"`,
      `width="${this.ancho}" height="${altoEnPagina}"`,
    );
    SVGtoPDF(this.doc, ajustado, MARGEN, y, {
      width: this.ancho,
      height: altoEnPagina,
      assumePt: true,
      fontCallback: (_familia: string, negrita: boolean) => (negrita ? NEGRITA : NORMAL),
    });
    this.doc.x = MARGEN;
    this.doc.y = y + altoEnPagina + 4;
    this.doc.font(NORMAL).fontSize(10).fillColor('black');
  }

  nuevaPagina(): void {
    this.doc.addPage();
  }

  /** Numbers every page («Página N de M») with a line that says what the document is, then closes it. */
  async terminar(pie: string): Promise<Buffer> {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      const margenInferior = this.doc.page.margins.bottom;
      // Writing inside the bottom margin would otherwise start a new page.
      this.doc.page.margins.bottom = 0;
      const y = this.doc.page.height - MARGEN + 8;
      this.doc.font(NORMAL).fontSize(8).fillColor(GRIS);
      this.doc.text(pie, MARGEN, y, { width: this.ancho * 0.7, lineBreak: false });
      this.doc.text(`Página ${i - start + 1} de ${count}`, MARGEN, y, {
        width: this.ancho,
        align: 'right',
        lineBreak: false,
      });
      this.doc.page.margins.bottom = margenInferior;
    }
    this.doc.end();
    return this.terminado;
  }
}
