/**
 * Imports over HTTP on the reference data: every kind and encoding the teams
 * have, exact counts of accepted, duplicate and rejected rows, the figures
 * they produce, and broken files refused with a clear 4xx.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { ResumenFase } from '@tablero/metrics';
import { ErrorBody } from '../apps/api/src/errors/api-error';
import { bombaZip, bytes, texto, xlsx } from './support/fixtures';
import { importarAceptado, subirArchivo } from './support/importar';
import { servidorConCliente, TestApp } from './support/test-app';

let server: TestApp;
let db: Client;

servidorConCliente(
  'importaciones',
  (s, c) => {
    [server, db] = [s, c];
  },
  { IMPORT_MAX_BYTES: String(2 * 1024 * 1024) },
);

interface Informe {
  id: string | null;
  formato: string;
  filas: {
    leidas: number;
    aceptadas: number;
    actualizadas: number;
    duplicadas: number;
    rechazadas: number;
    omitidas: number;
  };
  columnasIgnoradas: string[];
  novedades: string[];
  rechazos: { fila: number; columna: string | null; valor: string | null; motivo: string }[];
}

const importar = (tipo: string, ruta: string, consulta = '') =>
  subirArchivo<Informe & { codigo?: string; mensaje?: string }>(server, tipo, ruta, consulta);

const aceptado = (tipo: string, ruta: string, consulta = '') =>
  importarAceptado<Informe>(server, tipo, ruta, consulta);

const contar = async (sql: string, params: unknown[] = []) =>
  Number((await db.query(sql, params)).rows[0].n);

const conteo = (i: Informe) => {
  const { leidas, aceptadas, actualizadas, duplicadas, rechazadas } = i.filas;
  return { leidas, aceptadas, actualizadas, duplicadas, rechazadas };
};

/** The five counts `conteo` reads, with those not named at zero. */
const filas = (cuentas: Partial<ReturnType<typeof conteo>>): ReturnType<typeof conteo> => ({
  leidas: 0,
  aceptadas: 0,
  actualizadas: 0,
  duplicadas: 0,
  rechazadas: 0,
  ...cuentas,
});

describe('asistencias from a Windows-1252 file separated by semicolons', () => {
  const ruta = texto(
    'asistencias-talleres.csv',
    [
      [
        'Código Actividad',
        'Tipo Documento',
        'Número Documento',
        'Nombres y apellidos',
        'Código Municipio',
        'Grupo de valor',
        'Modalidad',
        'Fecha',
      ],
      [
        'F2-TAL-01',
        'CC',
        '1.020.304.050',
        'Ana María Pérez',
        '73001',
        'Autoridades y equipos de gobiernos salientes',
        'presencial',
        '03/08/2023',
      ],
      ['F2-TAL-01', 'C.C.', '1020304050', 'Ana M. Pérez', '73001', '', '', '03/08/2023'],
      [
        'F2-TAL-02',
        'CC',
        '1020304050',
        'Ana Pérez',
        '5001',
        'jefes_control_interno',
        '',
        '04/08/2023',
      ],
      ['F2-TAL-02', 'CE', '00987654', 'Iñigo Muñoz', '5001', '', '', '2023-08-04'],
      ['F2-TAL-99', 'CC', '55555555', 'Nadie', '73001', '', '', '03/08/2023'],
      ['F2-TAL-03', 'CC', '44444444', 'Fuera de fecha', '73001', '', '', '01/01/2024'],
      ['F2-TAL-03', 'XX', '12', 'Malo', '999', 'grupo inventado', 'mixta', '31/02/2023'],
    ],
    { separador: ';', codificacion: 'win1252' },
  );

  it('accepts 3, counts 1 duplicate, rejects 3 with their reasons in Spanish', async () => {
    const informe = await aceptado('asistencias', ruta);
    expect(informe.formato).toBe('csv');
    expect(conteo(informe)).toEqual(
      filas({ leidas: 7, aceptadas: 3, duplicadas: 1, rechazadas: 3 }),
    );
    expect(informe.columnasIgnoradas).toEqual(['Nombres y apellidos']);
    expect(informe.rechazos).toEqual([
      {
        fila: 6,
        columna: 'codigo_actividad',
        valor: 'F2-TAL-99',
        motivo: 'la actividad F2-TAL-99 no existe',
        catalogo: 'actividad',
        desconocido: 'F2-TAL-99',
      },
      {
        fila: 7,
        columna: 'fecha',
        valor: '01/01/2024',
        motivo: 'la fecha está fuera del periodo de la actividad (03/08/2023 a 11/10/2023)',
      },
      {
        fila: 8,
        columna: 'tipo_documento',
        valor: 'XX',
        motivo: 'el tipo de documento debe ser uno de CC, TI, CE, PA, PPT, PEP, NIT, RC, NUIP, DE',
      },
      {
        fila: 8,
        columna: 'numero_documento',
        valor: '**',
        motivo: 'el número de documento debe tener entre 3 y 20 letras o dígitos',
      },
      {
        fila: 8,
        columna: 'codigo_municipio',
        valor: '999',
        motivo: 'el código DIVIPOLA debe tener 2 dígitos (departamento) o 5 (municipio)',
      },
      {
        fila: 8,
        columna: 'grupo_de_valor',
        valor: 'grupo inventado',
        motivo: 'el grupo de valor no existe',
        catalogo: 'grupo_de_valor',
        desconocido: 'grupo inventado',
      },
      {
        fila: 8,
        columna: 'modalidad',
        valor: 'mixta',
        motivo: 'la modalidad debe ser uno de: presencial, virtual',
        catalogo: 'modalidad',
        desconocido: 'mixta',
      },
      {
        fila: 8,
        columna: 'fecha',
        valor: '31/02/2023',
        motivo: 'la fecha no existe en el calendario',
      },
    ]);
    expect(
      (
        await db.query(
          `SELECT actividad_codigo, municipio_codigo, grupo_de_valor_codigo, modalidad, fecha::text
           FROM asistencia ORDER BY actividad_codigo, municipio_codigo`,
        )
      ).rows,
    ).toEqual([
      {
        actividad_codigo: 'F2-TAL-01',
        municipio_codigo: '73001',
        grupo_de_valor_codigo: 'autoridades_salientes',
        modalidad: 'presencial',
        fecha: '2023-08-03',
      },
      {
        actividad_codigo: 'F2-TAL-02',
        municipio_codigo: '05001',
        grupo_de_valor_codigo: 'jefes_control_interno',
        modalidad: 'presencial',
        fecha: '2023-08-04',
      },
      {
        actividad_codigo: 'F2-TAL-02',
        municipio_codigo: '05001',
        grupo_de_valor_codigo: null,
        modalidad: 'presencial',
        fecha: '2023-08-04',
      },
    ]);
    expect(await contar('SELECT count(DISTINCT persona_clave) AS n FROM asistencia')).toBe(2);
  });

  it('changes nothing when the same file comes again', async () => {
    const antes = (await db.query('SELECT id, xmin::text FROM asistencia ORDER BY id')).rows;
    const informe = await aceptado('asistencias', ruta);
    expect(conteo(informe)).toEqual(filas({ leidas: 7, duplicadas: 4, rechazadas: 3 }));
    expect((await db.query('SELECT id, xmin::text FROM asistencia ORDER BY id')).rows).toEqual(
      antes,
    );
  });

  it('keeps no name and no document number in clear anywhere', async () => {
    const tablas = (
      await db.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
      )
    ).rows;
    for (const { table_name } of tablas) {
      const { rows } = await db.query(`SELECT row_to_json(t)::text AS fila FROM "${table_name}" t`);
      for (const { fila } of rows) {
        expect(fila).not.toMatch(/1020304050|1\.020\.304\.050|987654|Pérez|Muñoz/);
      }
    }
  });

  it('offers every rejection as a workbook with masked personal values', async () => {
    const [{ id }] = (await db.query(`SELECT max(id)::text AS id FROM importacion`)).rows;
    const response = await fetch(`${server.baseUrl}/api/v1/importaciones/${id}/rechazos`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const hoja = libro.getWorksheet('Rechazos')!;
    expect(hoja.getRow(1).values).toEqual([undefined, 'Fila', 'Columna', 'Valor', 'Motivo']);
    // A bold font without its name prints in a serif in LibreOffice.
    expect(hoja.getCell('A1').font).toMatchObject({ name: 'Calibri', bold: true });
    expect(libro.getWorksheet('Importación')!.getCell('A1').font).toMatchObject({
      name: 'Calibri',
      bold: true,
    });
    expect(hoja.rowCount).toBe(9);
    expect(hoja.getRow(5).values).toEqual([
      undefined,
      8,
      'numero_documento',
      '**',
      'el número de documento debe tener entre 3 y 20 letras o dígitos',
    ]);
  });
});

describe('a dry run', () => {
  it('reports what would happen and writes nothing', async () => {
    const ruta = texto('asistencias-simulacion.csv', [
      ['codigo_actividad', 'tipo_documento', 'numero_documento'],
      ['F2-TAL-05', 'CC', '11111111'],
      ['F2-TAL-05', 'CC', '22222222'],
    ]);
    const antes = await contar('SELECT count(*) AS n FROM importacion');
    const informe = await aceptado('asistencias', ruta, '?dry_run=true');
    expect(informe.id).toBeNull();
    expect(conteo(informe)).toEqual(filas({ leidas: 2, aceptadas: 2 }));
    expect(
      await contar(`SELECT count(*) AS n FROM asistencia WHERE actividad_codigo = 'F2-TAL-05'`),
    ).toBe(0);
    expect(await contar('SELECT count(*) AS n FROM importacion')).toBe(antes);
  });
});

describe('a Microsoft Teams attendance report (UTF-16, tab-separated, with sections)', () => {
  const ruta = texto(
    'Lista de asistencia.csv',
    [
      ['1. Resumen'],
      ['Título de la reunión', 'Capacitación virtual de alistamiento 1'],
      ['Participantes asistentes', '4'],
      ['Hora de inicio', '12/5/23, 9:00:00'],
      [],
      ['2. Participantes'],
      [
        'Nombre',
        'Primera unión',
        'Última salida',
        'Duración en la reunión',
        'Correo electrónico',
        'Id. de participante (UPN)',
        'Rol',
      ],
      [
        'Laura Gómez',
        '12/5/23, 9:00:00',
        '12/5/23, 11:00:00',
        '2 h',
        'Laura.Gomez@Ibague.gov.co',
        'laura.gomez@ibague.gov.co',
        'Organizador',
      ],
      [
        'Pedro Ruiz',
        '12/5/23, 9:05:00',
        '12/5/23, 11:00:00',
        '1 h 55 min',
        'pedro@tolima.gov.co',
        'pedro@tolima.gov.co',
        'Asistente',
      ],
      [
        'Laura Gómez',
        '12/5/23, 10:10:00',
        '12/5/23, 11:00:00',
        '50 min',
        'laura.gomez@ibague.gov.co',
        'laura.gomez@ibague.gov.co',
        'Asistente',
      ],
      ['Invitado externo', '12/5/23, 9:10:00', '12/5/23, 9:40:00', '30 min', '', '', 'Asistente'],
      [],
      ['3. Actividades en la reunión'],
      ['Nombre', 'Hora de unión', 'Hora de salida', 'Duración', 'Correo electrónico', 'Rol'],
      [
        'Laura Gómez',
        '12/5/23, 9:00:00',
        '12/5/23, 9:30:00',
        '30 min',
        'laura.gomez@ibague.gov.co',
        'Organizador',
      ],
    ],
    { separador: '\t', codificacion: 'utf16le', bom: true },
  );

  it('loads the participants as virtual attendances, each person once however often they rejoined', async () => {
    const informe = await aceptado('asistencias', ruta, '?actividad=F2-CAP-01');
    expect(informe.formato).toBe('teams');
    expect(conteo(informe)).toEqual(
      filas({ leidas: 4, aceptadas: 2, duplicadas: 1, rechazadas: 1 }),
    );
    expect(informe.rechazos).toEqual([
      {
        fila: 11,
        columna: null,
        valor: null,
        motivo: 'la persona no tiene documento ni correo que la identifique',
      },
    ]);
    expect(
      (
        await db.query(
          `SELECT modalidad, count(*)::int AS n FROM asistencia WHERE actividad_codigo = 'F2-CAP-01' GROUP BY 1`,
        )
      ).rows,
    ).toEqual([{ modalidad: 'virtual', n: 2 }]);
  });

  it('needs the activity it belongs to', async () => {
    const { status, body } = await importar('asistencias', ruta);
    expect(status).toBe(400);
    expect(body.codigo).toBe('COLUMNAS_FALTANTES');
    expect(body.mensaje).toContain('codigo_actividad');
  });
});

describe('a Google Meet attendance report', () => {
  it('takes the e-mail as the person and ignores names', async () => {
    const ruta = texto('meet.csv', [
      ['First name', 'Last name', 'Email', 'Duration', 'Time joined', 'Time exited'],
      ['Rosa', 'Díaz', 'rosa@cali.gov.co', '1 hr', '10:00 AM', '11:00 AM'],
      ['Juan', 'Toro', 'juan@palmira.gov.co', '58 min', '10:02 AM', '11:00 AM'],
    ]);
    const informe = await aceptado('asistencias', ruta, '?actividad=F2-REFUERZO');
    expect(informe.formato).toBe('meet');
    expect(conteo(informe)).toEqual(filas({ leidas: 2, aceptadas: 2 }));
    expect(informe.columnasIgnoradas).toEqual([
      'First name',
      'Last name',
      'Duration',
      'Time joined',
      'Time exited',
    ]);
  });
});

describe('activities, then a YouTube Studio export with its Total row', () => {
  it('updates webinars with their video ids from an .xlsx, and adds a new activity', async () => {
    const ruta = await xlsx('actividades.xlsx', [
      [
        'codigo',
        'fase',
        'tipo',
        'titulo',
        'fecha_inicio',
        'fecha_fin',
        'modalidad',
        'canal',
        'aliados',
        'youtube_video_id',
        'ciclo',
      ],
      [
        'F1-WEB-01',
        'I',
        'webinar',
        'Lanzamiento Orientaciones para la formulación de PG',
        '01/04/2023',
        '31/07/2023',
        'virtual',
        'YouTube Live',
        '',
        'https://www.youtube.com/watch?v=AAAAAAAAAA1',
        'F1-WEBINARS',
      ],
      [
        'F1-WEB-02',
        'I',
        'webinar',
        'Paz y víctimas del conflicto en la agenda territorial',
        '01/04/2023',
        '31/07/2023',
        'virtual',
        'YouTube Live',
        '',
        'AAAAAAAAAA2',
        'F1-WEBINARS',
      ],
      [
        'F3-AT-0001',
        'III',
        'Asistencia técnica',
        'Asistencia técnica al diagnóstico del PDT de Ibagué',
        new Date(Date.UTC(2024, 1, 15)),
        null,
        'presencial',
        'Presencial',
        'ESAP; DAFP',
        '',
        '',
      ],
      [
        'F3-AT-0002',
        'III',
        'asistencia_tecnica',
        'Sin fecha',
        '',
        '',
        '',
        '',
        'Aliado que no existe',
        '',
        '',
      ],
    ]);
    const informe = await aceptado('actividades', ruta);
    expect(conteo(informe)).toEqual(
      filas({ leidas: 4, aceptadas: 1, actualizadas: 2, rechazadas: 1 }),
    );
    expect(informe.rechazos.map((r) => `${r.columna}: ${r.motivo}`)).toEqual([
      'fecha_inicio: la columna fecha_inicio es obligatoria y está vacía',
      'aliados: el aliado «Aliado que no existe» no existe',
    ]);
    expect(
      (
        await db.query(
          `SELECT aliado_codigo FROM actividad_aliado WHERE actividad_codigo = 'F3-AT-0001' ORDER BY 1`,
        )
      ).rows,
    ).toEqual([{ aliado_codigo: 'dafp' }, { aliado_codigo: 'esap' }]);
    expect(conteo(await aceptado('actividades', ruta))).toEqual(
      filas({ leidas: 4, duplicadas: 3, rechazadas: 1 }),
    );
  });

  it('reads the views of each video, skips the Total row and rejects an unknown video', async () => {
    const ruta = texto('Table data.csv', [
      [
        'Contenido',
        'Título del video',
        'Hora de publicación del video',
        'Duración',
        'Vistas',
        'Tiempo de visualización (horas)',
      ],
      ['Total', '', '', '', '5821', '1200.5'],
      ['AAAAAAAAAA1', 'Lanzamiento Orientaciones', 'Apr 20, 2023', '3600', '3500', '700.1'],
      ['AAAAAAAAAA2', 'Paz y víctimas', 'May 4, 2023', '3500', '2300', '450.2'],
      ['ZZZZZZZZZZZ', 'Otro video del canal', 'May 9, 2023', '100', '21', '2.1'],
    ]);
    const informe = await aceptado('vistas', ruta, '?fecha_corte=2023-09-30');
    expect(informe.formato).toBe('youtube');
    expect(informe.filas).toEqual({
      leidas: 3,
      aceptadas: 2,
      actualizadas: 0,
      duplicadas: 0,
      rechazadas: 1,
      omitidas: 1,
    });
    expect(informe.rechazos[0]).toMatchObject({
      fila: 5,
      columna: 'youtube_video_id',
      motivo: 'ningún webinar tiene este video de YouTube',
    });
    expect(
      (
        await db.query(
          `SELECT actividad_codigo, fecha_corte::text, vistas::int FROM corte_vistas ORDER BY 1`,
        )
      ).rows,
    ).toEqual([
      { actividad_codigo: 'F1-WEB-01', fecha_corte: '2023-09-30', vistas: 3500 },
      { actividad_codigo: 'F1-WEB-02', fecha_corte: '2023-09-30', vistas: 2300 },
    ]);
  });
});

describe('certificados from an .xlsx with Excel serial dates and numeric codes', () => {
  it('reads 45124 as 17/07/2023 and 5001 as 05001', async () => {
    const ruta = await xlsx('certificados.xlsx', [
      [
        'codigo_actividad',
        'tipo_documento',
        'numero_documento',
        'codigo_municipio',
        'aspiracion',
        'fecha_certificacion',
      ],
      ['F1-CURSO-YES', 'CC', 71234567, 5001, 'Alcaldía', 45124],
      ['F1-CURSO-YES', 'CC', 71234568, 76001, 'gobernación', new Date(Date.UTC(2023, 6, 18))],
      ['F1-WEB-01', 'CC', 71234569, 76001, 'alcaldia', 45124],
    ]);
    const informe = await aceptado('certificados', ruta);
    expect(informe.formato).toBe('xlsx');
    expect(conteo(informe)).toEqual(filas({ leidas: 3, aceptadas: 2, rechazadas: 1 }));
    expect(informe.rechazos[0].motivo).toBe(
      'la actividad F1-WEB-01 es de tipo webinar, no curso_virtual',
    );
    expect(
      (
        await db.query(
          `SELECT municipio_codigo, aspiracion, fecha_certificacion::text FROM certificado ORDER BY 1`,
        )
      ).rows,
    ).toEqual([
      { municipio_codigo: '05001', aspiracion: 'alcaldia', fecha_certificacion: '2023-07-17' },
      { municipio_codigo: '76001', aspiracion: 'gobernacion', fecha_certificacion: '2023-07-18' },
    ]);
  });
});

describe('declared totals', () => {
  it('reads the document’s words for qualifiers and a later cut-off date becomes the phase figure', async () => {
    const ruta = texto('totales.csv', [
      ['codigo_actividad', 'metrica', 'valor', 'calificador', 'fecha_corte'],
      ['F2-CONVERSATORIOS', 'asistentes_remotos', '3.700', 'cerca de', '31/01/2024'],
      ['F2-LANZAMIENTO', 'asistentes_presenciales', '320', 'más de', '31/01/2024'],
      ['F2-LANZAMIENTO', 'vistas', '-4', 'exacto', '31/01/2024'],
    ]);
    const informe = await aceptado('totales', ruta);
    expect(conteo(informe)).toEqual(filas({ leidas: 3, aceptadas: 2, rechazadas: 1 }));
    const resumen = (await (
      await fetch(`${server.baseUrl}/api/v1/fases/II/resumen`)
    ).json()) as ResumenFase;
    // The later declared figures replace the earlier ones; where this file's earlier imports
    // loaded attendance records (3 in the workshops, 2 in the trainings, 2 in the reinforcement
    // session), the records are the figure and the declared totals go to the reconciliation.
    expect(resumen.interacciones).toMatchObject({
      valor: 21712 - 3641 + 3700 - 300 + 320 - 3715 + 3 - 300 + 2 - 505 + 2,
      calificador: 'aproximado',
    });
    expect(resumen.fechaCorte).toBe('2024-01-31');
  });
});

describe('territorios from DANE’s DIVIPOLA list', () => {
  it('adds, renames and retypes as a new edition says, keeps what only changes case, and says what changed', async () => {
    const ruta = texto('DIVIPOLA.csv', [
      [
        'Código Departamento',
        'Nombre Departamento',
        'Código Municipio',
        'Nombre Municipio',
        'Tipo: Municipio / Isla / Área no municipalizada',
      ],
      ['05', 'ANTIOQUIA', '05001', 'MEDELLÍN', 'Municipio'],
      ['5', 'ANTIOQUIA', '5541', 'EL PEÑOL', 'Municipio'],
      [
        '88',
        'ARCHIPIÉLAGO DE SAN ANDRÉS, PROVIDENCIA Y SANTA CATALINA',
        '88564',
        'PROVIDENCIA',
        'Isla',
      ],
      ['27', 'CHOCÓ', '27999', 'SAN JUAN DEL LITORAL', 'Municipio'],
      ['05', 'ANTIOQUIA', '73001', 'IBAGUÉ', 'Municipio'],
    ]);
    const informe = await aceptado('territorios', ruta);
    expect(conteo(informe)).toEqual(
      filas({ leidas: 5, aceptadas: 1, actualizadas: 2, duplicadas: 1, rechazadas: 1 }),
    );
    expect(informe.novedades).toEqual([
      '05541 El Peñol (Antioquia): nombre «Peñol» → «El Peñol»',
      '27999 San Juan del Litoral (Chocó): nuevo municipio (Municipio)',
      '88564 Providencia (Archipiélago de San Andrés, Providencia y Santa Catalina): tipo Municipio → Isla',
    ]);
    expect(
      (
        await db.query(
          `SELECT codigo, nombre, tipo FROM territorio WHERE codigo IN ('05001', '05541', '27999', '88564') ORDER BY 1`,
        )
      ).rows,
    ).toEqual([
      { codigo: '05001', nombre: 'Medellín', tipo: 'Municipio' },
      { codigo: '05541', nombre: 'El Peñol', tipo: 'Municipio' },
      { codigo: '27999', nombre: 'San Juan del Litoral', tipo: 'Municipio' },
      { codigo: '88564', nombre: 'Providencia', tipo: 'Isla' },
    ]);
  });
});

describe('files that cannot be imported', () => {
  it.each([
    ['an empty file', () => bytes('vacio.csv', Buffer.alloc(0)), 'ARCHIVO_VACIO'],
    [
      'binary garbage',
      () => bytes('basura.csv', Buffer.from([0x00, 0x13, 0xff, 0x00, 0x42, 0x99, 0x00, 0x01])),
      'ARCHIVO_NO_LEGIBLE',
    ],
    [
      'unknown headers',
      () =>
        texto('otro.csv', [
          ['nombre', 'apellido'],
          ['Ana', 'Pérez'],
        ]),
      'ENCABEZADOS_NO_RECONOCIDOS',
    ],
    [
      'a missing required column',
      () =>
        texto('falta.csv', [
          ['codigo_actividad', 'metrica'],
          ['F2-TALLERES', 'vistas'],
        ]),
      'COLUMNAS_FALTANTES',
    ],
    [
      'a truncated .xlsx',
      async () =>
        bytes(
          'cortado.xlsx',
          readFileSync(await xlsx('entero.xlsx', [['codigo'], ['X']])).subarray(0, 900),
        ),
      'XLSX_DANADO',
    ],
    ['a zip bomb posing as .xlsx', () => bombaZip('bomba.xlsx', 120), 'XLSX_EXPANSION_EXCESIVA'],
  ])('refuses %s with a 400 and leaves nothing behind', async (_caso, crear, codigo) => {
    const antes = await contar('SELECT count(*) AS n FROM importacion');
    const { status, body } = await importar('totales', await crear());
    expect({ status, codigo: body.codigo }).toEqual({ status: 400, codigo });
    expect(body.mensaje).toMatch(/^[A-ZÁÉÍÓÚÑ]/);
    expect(await contar('SELECT count(*) AS n FROM importacion')).toBe(antes);
  });

  it('answers 413 to a file over the size limit', async () => {
    const { status, body } = await importar(
      'asistencias',
      bytes('grande.csv', Buffer.alloc(3 * 1024 * 1024, 'a')),
    );
    expect(status).toBe(413);
    expect(body.codigo).toBe('CONTENIDO_DEMASIADO_GRANDE');
  });

  it.each([
    ['/api/v1/importaciones/personas', 404, 'TIPO_DE_IMPORTACION_DESCONOCIDO'],
    ['/api/v1/importaciones/asistencias?dry_run=quizas', 400, 'PARAMETRO_INVALIDO'],
    ['/api/v1/importaciones/vistas?fecha_corte=31/12/2023', 400, 'PARAMETRO_INVALIDO'],
    ['/api/v1/importaciones/asistencias?borrar=todo', 400, 'PARAMETRO_DESCONOCIDO'],
  ])('POST %s → %i %s', async (ruta, estado, codigo) => {
    const form = new FormData();
    form.append('archivo', new Blob(['codigo_actividad\nX\n']), 'x.csv');
    const response = await fetch(server.baseUrl + ruta, { method: 'POST', body: form });
    expect(response.status).toBe(estado);
    expect(((await response.json()) as ErrorBody).codigo).toBe(codigo);
  });

  it('asks for the file when none is sent', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/importaciones/asistencias`, {
      method: 'POST',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).codigo).toBe('ARCHIVO_FALTANTE');
  });
});

describe('formula injection', () => {
  it('writes a malicious value in the rejections workbook as text', async () => {
    const ruta = texto(
      'inyeccion.csv',
      [
        ['codigo_actividad', 'metrica', 'valor', 'fecha_corte'],
        ['=HYPERLINK("http://malo.example";"clic")', 'vistas', '1', '31/12/2023'],
      ],
      { separador: '\t' },
    );
    const informe = await aceptado('totales', ruta);
    const response = await fetch(`${server.baseUrl}/api/v1/importaciones/${informe.id}/rechazos`);
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const celda = libro.getWorksheet('Rechazos')!.getCell('C2');
    expect(celda.type).toBe(ExcelJS.ValueType.String);
    expect(celda.value).toBe(`'=HYPERLINK("http://malo.example";"clic")`);
  });
});

describe('the record of imports and the templates', () => {
  it('lists every recorded import with who, what and how many', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/importaciones`);
    const lista = (await response.json()) as {
      tipo: string;
      archivoNombre: string;
      archivoSha256: string;
      usuario: string;
    }[];
    expect(lista.length).toBe(await contar('SELECT count(*) AS n FROM importacion'));
    expect(lista.find((i) => i.archivoNombre === 'Lista de asistencia.csv')).toMatchObject({
      tipo: 'asistencias',
      archivoSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      usuario: 'token:pruebas',
    });
  });

  it.each(['actividades', 'asistencias', 'certificados', 'vistas', 'totales', 'territorios'])(
    'offers the %s template with instructions, headers and drop-down lists',
    async (tipo) => {
      const response = await fetch(`${server.baseUrl}/api/v1/importaciones/plantillas/${tipo}`);
      expect(response.status).toBe(200);
      const libro = new ExcelJS.Workbook();
      await libro.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
      expect(libro.worksheets.map((h) => h.name)).toEqual(['Instrucciones', 'Datos', 'Listas']);
      const encabezados = (libro.getWorksheet('Datos')!.getRow(1).values as string[]).slice(1);
      for (const celda of ['Instrucciones!A1', 'Instrucciones!A5', 'Datos!A1']) {
        const [hoja, direccion] = celda.split('!');
        expect(libro.getWorksheet(hoja)!.getCell(direccion).font).toMatchObject({
          name: 'Calibri',
          bold: true,
        });
      }
      const { status, body } = await importar(
        tipo,
        await xlsx(`plantilla-vacia-${tipo}.xlsx`, [encabezados]),
        '?dry_run=true',
      );
      expect({ status, leidas: body.filas?.leidas }).toEqual({ status: 200, leidas: 0 });
      const listas = libro.getWorksheet('Datos')!.getCell('B2').dataValidation;
      if (tipo === 'asistencias')
        expect(listas).toMatchObject({ type: 'list', formulae: ['Listas!$B$1:$B$10'] });
    },
  );
});
