/**
 * Names as people write them, over HTTP on the reference data and no
 * territorios import: activities in municipalities anywhere, named with and
 * without their department; a Google Forms export naming municipalities and
 * groups in the ways people write them; unknown values mapped by an alias and
 * their rows run again without the file, once; aliases listed, audited and
 * retired.
 */
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { ENCABEZADO_FORMULARIO, texto, xlsx } from './support/fixtures';
import { importarAceptado } from './support/importar';
import { servidorConCliente, TestApp } from './support/test-app';

let server: TestApp;
let db: Client;

servidorConCliente('nombres', (s, c) => {
  [server, db] = [s, c];
});

interface Informe {
  id: string;
  formato: string;
  filas: Record<'leidas' | 'aceptadas' | 'actualizadas' | 'duplicadas' | 'rechazadas', number>;
  columnasIgnoradas: string[];
  rechazos: {
    fila: number;
    columna: string | null;
    valor: string | null;
    motivo: string;
    catalogo?: string;
    desconocido?: string;
  }[];
  avisos: { fila: number; columna: string; valor: string | null; nota: string }[];
  totalAvisos: number;
  reintentoDe: string | null;
}

async function pedir(metodo: string, ruta: string, cuerpo?: unknown) {
  const response = await fetch(server.baseUrl + ruta, {
    method: metodo,
    headers: cuerpo === undefined ? {} : { 'content-type': 'application/json' },
    body: cuerpo === undefined ? undefined : JSON.stringify(cuerpo),
  });
  const texto = await response.text();
  return { status: response.status, body: texto ? JSON.parse(texto) : undefined };
}

const importar = (tipo: string, ruta: string, consulta = '') =>
  importarAceptado<Informe>(server, tipo, ruta, consulta);

const conteo = (i: Informe) => {
  const { leidas, aceptadas, duplicadas, rechazadas } = i.filas;
  return { leidas, aceptadas, duplicadas, rechazadas };
};

/** An audited action's entries: written once the answer is sent, so waited for a moment. */
async function auditadas(accion: string, cuantas: number) {
  for (let intento = 0; ; intento++) {
    const { body } = await pedir('GET', `/api/v1/auditoria?accion=${accion}`);
    if (body.length >= cuantas || intento === 20) return body;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const filas = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows;

const asistencias = async (actividad: string) =>
  Number(
    (
      await filas('SELECT count(*) AS n FROM asistencia WHERE actividad_codigo = $1', [actividad])
    )[0].n,
  );

const ENCABEZADO_ACTIVIDADES = [
  'codigo',
  'fase',
  'tipo',
  'titulo',
  'fecha_inicio',
  'modalidad',
  'Departamento',
  'Municipio',
];
const taller = (codigo: string, departamento: string, municipio: string) => [
  codigo,
  'III',
  'Taller presencial',
  `Taller PDT ${codigo}`,
  '15/03/2024',
  'presencial',
  departamento,
  municipio,
];

describe('phase III workshops in municipalities anywhere, named as people write them', () => {
  let informe: Informe;

  beforeAll(async () => {
    informe = await importar(
      'actividades',
      texto('talleres-fase-iii.csv', [
        ENCABEZADO_ACTIVIDADES,
        taller('F3-TAL-BOG', 'Bogotá D.C.', 'Bogotá, D.C.'),
        taller('F3-TAL-MAN', 'Caldas', 'MANIZALES'),
        taller('F3-TAL-VAL', 'Cesar', 'Valledupar'),
        taller('F3-TAL-QUI', 'CHOCO', 'Quibdo'),
        taller('F3-TAL-SMA', 'Magdalena', 'Santa Marta'),
        taller('F3-TAL-TUM', 'Nariño', 'Tumaco'),
        taller('F3-TAL-ARM', 'Quindío', 'Armenia'),
        taller('F3-TAL-SIN', '70', 'Sincelejo'),
        taller('F3-TAL-ARA', 'Arauca', 'Arauca'),
        taller('F3-TAL-SAI', 'San Andrés y Providencia', 'San Andrés'),
        taller('F3-TAL-CAL', '', 'Cali'),
        taller('F3-TAL-MOM', 'Bolívar', 'Mompós'),
        taller('F3-TAL-CUC', 'Norte de Santander', 'Cúcuta'),
        taller('F3-TAL-ALB', '', 'Albania'),
        taller('F3-TAL-MZL', 'Antioquia', 'Manizales'),
        taller('F3-TAL-GUA', '', 'Gobernación de La Guajira'),
        taller('F3-TAL-TOL', 'Tolima', ''),
        taller('F3-TAL-MPZ', 'Bolívar', 'Mompoz'),
      ]),
    );
  });

  it('places 15 and rejects 3, each saying why, with the candidates of a shared name', () => {
    expect(conteo(informe)).toEqual({ leidas: 18, aceptadas: 15, duplicadas: 0, rechazadas: 3 });
    expect(informe.rechazos).toEqual([
      {
        fila: 15,
        columna: 'codigo_territorio',
        valor: 'Albania',
        motivo:
          'hay varios municipios con ese nombre: indique el departamento (Albania: Caquetá 18029, La Guajira 44035, Santander 68020)',
      },
      {
        fila: 16,
        columna: 'codigo_territorio',
        valor: 'Manizales',
        motivo: 'el municipio «Manizales» es de Caldas (17001), no de Antioquia',
      },
      {
        fila: 19,
        columna: 'codigo_territorio',
        valor: 'Mompoz',
        motivo: 'no hay un municipio «Mompoz» en Bolívar',
        catalogo: 'territorio',
        desconocido: 'Mompoz',
      },
    ]);
  });

  it('stores each workshop at its DIVIPOLA code', async () => {
    expect(
      await filas(
        `SELECT codigo, territorio_codigo AS t FROM actividad WHERE codigo LIKE 'F3-TAL-%' ORDER BY codigo`,
      ),
    ).toEqual([
      { codigo: 'F3-TAL-ARA', t: '81001' },
      { codigo: 'F3-TAL-ARM', t: '63001' },
      { codigo: 'F3-TAL-BOG', t: '11001' },
      { codigo: 'F3-TAL-CAL', t: '76001' },
      { codigo: 'F3-TAL-CUC', t: '54001' },
      { codigo: 'F3-TAL-GUA', t: '44' },
      { codigo: 'F3-TAL-MAN', t: '17001' },
      { codigo: 'F3-TAL-MOM', t: '13468' },
      { codigo: 'F3-TAL-QUI', t: '27001' },
      { codigo: 'F3-TAL-SAI', t: '88001' },
      { codigo: 'F3-TAL-SIN', t: '70001' },
      { codigo: 'F3-TAL-SMA', t: '47001' },
      { codigo: 'F3-TAL-TOL', t: '73' },
      { codigo: 'F3-TAL-TUM', t: '52835' },
      { codigo: 'F3-TAL-VAL', t: '20001' },
    ]);
  });
});

describe('attendance with an annulled code', () => {
  it('is accepted as the code that replaced it, with a note in the report and the workbook', async () => {
    const informe = await importar(
      'asistencias',
      texto('asistencias-codigos.csv', [
        ['codigo_actividad', 'tipo_documento', 'numero_documento', 'codigo_municipio'],
        ['F3-TAL-SIN', 'CC', '30111222', '94663'],
        ['F3-TAL-SIN', 'CC', '30111223', '70001'],
      ]),
    );
    expect(conteo(informe)).toEqual({ leidas: 2, aceptadas: 2, duplicadas: 0, rechazadas: 0 });
    expect(informe.totalAvisos).toBe(1);
    expect(informe.avisos).toEqual([
      {
        fila: 2,
        columna: 'codigo_municipio',
        valor: '94663',
        nota: 'el código 94663 (Mapiripana) dejó de existir en 2019: se lee 94343 Barrancominas, que lo absorbió',
      },
    ]);
    expect(
      await filas(
        `SELECT municipio_codigo AS m FROM asistencia WHERE actividad_codigo = 'F3-TAL-SIN' ORDER BY 1`,
      ),
    ).toEqual([{ m: '70001' }, { m: '94343' }]);
    const response = await fetch(`${server.baseUrl}/api/v1/importaciones/${informe.id}/rechazos`);
    const libro = new ExcelJS.Workbook();
    await libro.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const avisos = libro.getWorksheet('Avisos')!;
    expect(avisos.getRow(2).values).toEqual([
      undefined,
      2,
      'codigo_municipio',
      '94663',
      informe.avisos[0].nota,
    ]);
    expect(avisos.rowCount).toBe(2);
  });
});

/** A responses sheet as Google Forms downloads it, one answer per row (some sent twice). */
function respuestas<T>(marca: (i: number) => T): (T | string)[][] {
  return [
    [
      'ana@manizales.gov.co',
      'Ana Ríos',
      'Cédula de ciudadanía',
      '1.053.111.222',
      'Caldas',
      'Manizales',
      'Consejos Territoriales de Planeación',
    ],
    [
      'ana@manizales.gov.co',
      'Ana Ríos',
      'Cédula de ciudadanía',
      '1053111222',
      'Caldas',
      'MANIZALES',
      'CTP',
    ],
    [
      'luis@villamaria.gov.co',
      'Luis Mora',
      '',
      '',
      'Caldas',
      'Villamaría',
      'Ciudadanía en general',
    ],
    [
      'sofia@cali.gov.co',
      'Sofía Paz',
      'Tarjeta de identidad',
      '1099000111',
      'Valle',
      'Cali',
      'Jefes de control interno',
    ],
    ['pedro@armenia.gov.co', 'Pedro Gil', 'CC', '9000111', '', 'Armenia', 'CTP'],
    [
      'rosa@bogota.gov.co',
      'Rosa León',
      'Cédula',
      '52111000',
      'Bogotá D.C.',
      'Bogotá',
      'Equipos de gobierno entrantes',
    ],
    [
      'juan@mompox.gov.co',
      'Juan Díaz',
      'CC',
      '73111000',
      'Bolívar',
      'Mompox',
      'Consejos Territoriales de Planeación (CTP)',
    ],
    [
      'eva@manizales.gov.co',
      'Eva Soto',
      'CC',
      '30222333',
      'Caldas',
      'Manizales',
      'Veedurías ciudadanas',
    ],
    ['mario@tumaco.gov.co', 'Mario Cuero', 'CC', '12999888', 'Nariño', 'Tumaco', 'ctp'],
    [
      'gloria@guainia.gov.co',
      'Gloria Yepes',
      'CC',
      '40111222',
      'Guainía',
      '94663',
      'Ciudadanía en general',
    ],
  ].map((fila, i) => [marca(i), ...fila]);
}

describe('a Google Forms export', () => {
  const csv = texto('Asistencia taller Manizales (respuestas).csv', [
    ENCABEZADO_FORMULARIO,
    ...respuestas((i) => `15/03/2024 10:${String(10 + i).padStart(2, '0')}:00`),
  ]);
  let informe: Informe;

  beforeAll(async () => {
    informe = await importar('asistencias', csv, '?actividad=F3-TAL-MAN');
  });

  it('reads its Spanish headers, keys a person by document or else e-mail, counts a form sent twice once', async () => {
    expect(informe.formato).toBe('google_forms');
    expect(informe.columnasIgnoradas).toEqual(['Marca temporal', 'Nombre completo']);
    expect(conteo(informe)).toEqual({ leidas: 10, aceptadas: 7, duplicadas: 1, rechazadas: 2 });
    expect(informe.rechazos).toEqual([
      {
        fila: 6,
        columna: 'codigo_municipio',
        valor: 'Armenia',
        motivo:
          'hay varios municipios con ese nombre: indique el departamento (Armenia: Antioquia 05059, Quindío 63001)',
      },
      {
        fila: 9,
        columna: 'grupo_de_valor',
        valor: 'Veedurías ciudadanas',
        motivo: 'el grupo de valor no existe',
        catalogo: 'grupo_de_valor',
        desconocido: 'Veedurías ciudadanas',
      },
    ]);
    expect(informe.totalAvisos).toBe(1);
    expect(
      await filas(
        `SELECT municipio_codigo AS m, grupo_de_valor_codigo AS g FROM asistencia
          WHERE actividad_codigo = 'F3-TAL-MAN' ORDER BY 1, 2`,
      ),
    ).toEqual([
      { m: '11001', g: 'equipos_entrantes' },
      { m: '13468', g: 'consejos_territoriales_planeacion' },
      { m: '17001', g: 'consejos_territoriales_planeacion' },
      { m: '17873', g: 'ciudadania' },
      { m: '52835', g: 'consejos_territoriales_planeacion' },
      { m: '76001', g: 'jefes_control_interno' },
      { m: '94343', g: 'ciudadania' },
    ]);
  });

  it('reads the same answers downloaded as .xlsx, with real dates in Marca temporal', async () => {
    const libro = await xlsx('Asistencia taller Valledupar (respuestas).xlsx', [
      ENCABEZADO_FORMULARIO,
      ...respuestas((i) => new Date(Date.UTC(2024, 2, 15, 10, 10 + i))),
    ]);
    const otro = await importar('asistencias', libro, '?actividad=F3-TAL-VAL');
    expect(otro.formato).toBe('google_forms');
    expect(conteo(otro)).toEqual({ leidas: 10, aceptadas: 7, duplicadas: 1, rechazadas: 2 });
    // The same people, at another workshop: seven persons in all, not fourteen.
    expect(
      Number(
        (
          await filas(
            `SELECT count(DISTINCT persona_clave) AS n FROM asistencia
              WHERE actividad_codigo IN ('F3-TAL-MAN', 'F3-TAL-VAL')`,
          )
        )[0].n,
      ),
    ).toBe(7);
  });

  it('keeps the row with the unknown group to run again, without its document or e-mail in clear', async () => {
    const guardadas = await filas(
      `SELECT fila, valores FROM importacion_fila_rechazada WHERE importacion_id = $1`,
      [informe.id],
    );
    expect(guardadas).toEqual([
      {
        fila: 9,
        valores: {
          codigo_municipio: 'Manizales',
          departamento: 'Caldas',
          grupo_de_valor: 'Veedurías ciudadanas',
          persona_clave: expect.stringMatching(/^[0-9a-f]{64}$/),
          tipo_documento: 'CC',
        },
      },
    ]);
    const todo = JSON.stringify(await filas('SELECT * FROM importacion_fila_rechazada'));
    expect(todo).not.toMatch(/30222333|eva@|Eva Soto/);
  });
});

describe('an unknown value mapped by an alias', () => {
  let formulario: string;

  beforeAll(async () => {
    [{ id: formulario }] = await filas(
      `SELECT id::text FROM importacion WHERE archivo_nombre = 'Asistencia taller Manizales (respuestas).csv'`,
    );
  });

  it('lists the values an import did not know, and the rows waiting for them', async () => {
    expect(await pedir('GET', `/api/v1/importaciones/${formulario}/desconocidos`)).toEqual({
      status: 200,
      body: {
        importacionId: formulario,
        tipo: 'asistencias',
        pendientes: 1,
        valores: [
          { catalogo: 'grupo_de_valor', valor: 'Veedurías ciudadanas', filas: 1, alias: null },
        ],
      },
    });
  });

  it('refuses an alias for a value already known, or to an entry that does not exist', async () => {
    expect(
      await pedir('POST', '/api/v1/alias', {
        catalogo: 'grupo_de_valor',
        valor: 'ctp',
        entrada: 'ciudadania',
      }),
    ).toEqual({
      status: 409,
      body: {
        estado: 409,
        codigo: 'VALOR_YA_CONOCIDO',
        mensaje:
          '«ctp» ya se reconoce: es Consejos Territoriales de Planeación (CTP) (consejos_territoriales_planeacion).',
      },
    });
    expect(
      await pedir('POST', '/api/v1/alias', {
        catalogo: 'grupo_de_valor',
        valor: 'Veedurías ciudadanas',
        entrada: 'veedurias',
      }),
    ).toMatchObject({ status: 400, body: { codigo: 'ENTRADA_DESCONOCIDA' } });
    expect(
      await pedir('POST', '/api/v1/alias', { catalogo: 'color', valor: 'x', entrada: 'y' }),
    ).toMatchObject({ status: 400, body: { codigo: 'CATALOGO_DESCONOCIDO' } });
  });

  it('maps it, runs the kept row again as a new import, and a second run changes nothing', async () => {
    const antes = await asistencias('F3-TAL-MAN');
    const creado = await pedir('POST', '/api/v1/alias', {
      catalogo: 'grupo_de_valor',
      valor: 'Veedurías ciudadanas',
      entrada: 'organizaciones_sociales',
      importacion: formulario,
    });
    expect(creado).toMatchObject({
      status: 201,
      body: {
        catalogo: 'grupo_de_valor',
        valor: 'Veedurías ciudadanas',
        entrada: 'organizaciones_sociales',
        nombreEntrada: 'Organizaciones sociales y comunitarias',
        importacionId: formulario,
        creadoPor: 'token:pruebas',
      },
    });
    const reintento = await pedir('POST', `/api/v1/importaciones/${formulario}/reintento`);
    expect(reintento.status).toBe(200);
    expect(reintento.body).toMatchObject({
      formato: 'reintento',
      reintentoDe: formulario,
      filas: { leidas: 1, aceptadas: 1, duplicadas: 0, rechazadas: 0 },
    });
    expect(await asistencias('F3-TAL-MAN')).toBe(antes + 1);
    expect(
      await filas(
        `SELECT grupo_de_valor_codigo AS g, importacion_id::text AS i FROM asistencia
          WHERE actividad_codigo = 'F3-TAL-MAN' AND municipio_codigo = '17001' ORDER BY 1`,
      ),
    ).toEqual([
      { g: 'consejos_territoriales_planeacion', i: formulario },
      { g: 'organizaciones_sociales', i: reintento.body.id },
    ]);

    expect(await pedir('POST', `/api/v1/importaciones/${formulario}/reintento`)).toEqual({
      status: 409,
      body: {
        estado: 409,
        codigo: 'SIN_FILAS_PENDIENTES',
        mensaje: `La importación ${formulario} no tiene filas rechazadas pendientes que se puedan volver a procesar.`,
      },
    });
    expect(await asistencias('F3-TAL-MAN')).toBe(antes + 1);
    expect(
      (await pedir('GET', `/api/v1/importaciones/${formulario}/desconocidos`)).body,
    ).toMatchObject({
      pendientes: 0,
      valores: [
        {
          valor: 'Veedurías ciudadanas',
          alias: {
            entrada: 'organizaciones_sociales',
            nombreEntrada: 'Organizaciones sociales y comunitarias',
          },
        },
      ],
    });
  });

  it('applies to every later import, is audited and listed, and can be retired', async () => {
    const nuevo = texto('asistencia-otra.csv', [
      ['codigo_actividad', 'correo', 'grupo_de_valor'],
      ['F3-TAL-TUM', 'uno@tumaco.gov.co', 'VEEDURIAS CIUDADANAS'],
    ]);
    expect(conteo(await importar('asistencias', nuevo))).toEqual({
      leidas: 1,
      aceptadas: 1,
      duplicadas: 0,
      rechazadas: 0,
    });

    const { body: lista } = await pedir('GET', '/api/v1/alias');
    expect(lista).toHaveLength(1);
    // The refused attempts of the test before are audited too, with their status.
    const auditoria = await auditadas('alias_creado', 4);
    expect(auditoria.map((a: { detalle: { estado: number } }) => a.detalle.estado)).toEqual([
      201, 400, 400, 409,
    ]);
    expect(auditoria[0]).toMatchObject({
      quien: 'token:pruebas',
      accion: 'alias_creado',
      detalle: {
        ruta: 'POST /api/v1/alias',
        estado: 201,
        cuerpo: {
          catalogo: 'grupo_de_valor',
          valor: 'Veedurías ciudadanas',
          entrada: 'organizaciones_sociales',
          importacion: formulario,
        },
      },
    });

    expect((await pedir('DELETE', `/api/v1/alias/${lista[0].id}`)).status).toBe(204);
    expect((await pedir('DELETE', `/api/v1/alias/${lista[0].id}`)).status).toBe(404);
    expect((await pedir('GET', '/api/v1/alias')).body).toEqual([]);
    expect(await auditadas('alias_retirado', 2)).toMatchObject([
      { detalle: { ruta: `DELETE /api/v1/alias/${lista[0].id}`, estado: 404 } },
      { detalle: { ruta: `DELETE /api/v1/alias/${lista[0].id}`, estado: 204 } },
    ]);
    const otraVez = await importar(
      'asistencias',
      texto('asistencia-otra-mas.csv', [
        ['codigo_actividad', 'correo', 'grupo_de_valor'],
        ['F3-TAL-TUM', 'dos@tumaco.gov.co', 'Veedurías ciudadanas'],
      ]),
    );
    expect(conteo(otraVez)).toEqual({ leidas: 1, aceptadas: 0, duplicadas: 0, rechazadas: 1 });
  });

  it('maps a municipality written under its department, and the workshop is created', async () => {
    const [{ id }] = await filas(
      `SELECT id::text FROM importacion WHERE archivo_nombre = 'talleres-fase-iii.csv'`,
    );
    const creado = await pedir('POST', '/api/v1/alias', {
      catalogo: 'territorio',
      valor: 'Mompoz',
      entrada: '13468',
      importacion: id,
    });
    expect(creado.body).toMatchObject({ nombreEntrada: 'Santa Cruz de Mompox (Bolívar)' });
    const reintento = await pedir('POST', `/api/v1/importaciones/${id}/reintento`);
    expect(reintento.body).toMatchObject({
      tipo: 'actividades',
      filas: { leidas: 1, aceptadas: 1, rechazadas: 0 },
    });
    expect(
      await filas(`SELECT territorio_codigo AS t FROM actividad WHERE codigo = 'F3-TAL-MPZ'`),
    ).toEqual([{ t: '13468' }]);
  });
});
