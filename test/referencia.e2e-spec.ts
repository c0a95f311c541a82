/**
 * The reference dataset in PostgreSQL: every fact of FACTS.md is there, a
 * second load changes nothing, and the uniqueness that matters is enforced by
 * the database itself.
 */
import { cargarReferencia } from '@tablero/domain';
import { DataSource } from 'typeorm';
import { abrirBaseDePrueba, BaseDePrueba } from './support/test-app';

let base: BaseDePrueba;
let ds: DataSource;

beforeAll(async () => {
  base = await abrirBaseDePrueba('referencia');
  ds = base.ds;
  await cargarReferencia(ds);
});

afterAll(() => base?.cerrar());

const column = async (sql: string, params: unknown[] = []) =>
  (await ds.query<Record<string, unknown>[]>(sql, params)).map((row) => Object.values(row)[0]);

describe('reference dataset', () => {
  it('holds the three phases with their periods', async () => {
    expect(
      await ds.query('SELECT codigo, inicio::text, fin::text FROM fase ORDER BY inicio'),
    ).toEqual([
      { codigo: 'I', inicio: '2023-04-01', fin: '2023-07-31' },
      { codigo: 'II', inicio: '2023-06-01', fin: '2023-12-31' },
      { codigo: 'III', inicio: '2024-01-01', fin: null },
    ]);
  });

  it('holds the six phase I webinar topics in order', async () => {
    expect(
      await column(
        `SELECT titulo FROM actividad WHERE ciclo_codigo = 'F1-WEBINARS' ORDER BY codigo`,
      ),
    ).toEqual([
      'Lanzamiento Orientaciones para la formulación de PG',
      'Paz y víctimas del conflicto en la agenda territorial',
      'OT alrededor del agua y dinámicas poblacionales en PG',
      'Financiamiento de los Programas de Gobierno',
      'Regalías para el bienestar',
      'Seguridad y justicia en los programas de gobierno',
    ]);
  });

  it('holds the thirteen phase II webinar topics in order', async () => {
    expect(
      await column(
        `SELECT titulo FROM actividad WHERE ciclo_codigo = 'F2-WEBINARS' ORDER BY codigo`,
      ),
    ).toEqual([
      'Orientaciones para Transición de Gobierno',
      'Lecciones aprendidas y transición de gobierno en las Ciudades intermedias',
      'Municipios PDET y Transición de Gobierno',
      'Gestión documental y archivos en la Transición de Gobierno',
      'Balance Intermedio de la Estrategia Juntos por el Territorio',
      'Perspectiva de género en la Transición de Gobiernos Territoriales',
      'Uso de información en la transición y empalme',
      'Rendición de cuentas',
      'Movilidad urbana y regional',
      'Defensa jurídica del Estado en la Transición de Gobierno',
      'Recomendaciones del Ministerio Público para la Transición de Gobierno',
      'CTP y Participación Ciudadana',
      'Banco de proyectos y su importancia para la Transición de Gobierno',
    ]);
  });

  it('places the seven subregional events where the document says', async () => {
    expect(
      await ds.query(
        `SELECT a.codigo, coalesce(a.lugar, t.nombre, s.nombre) AS lugar
           FROM actividad a
           LEFT JOIN territorio t ON t.codigo = a.territorio_codigo
           LEFT JOIN subregion s ON s.codigo = a.subregion_codigo
          WHERE a.tipo_codigo = 'evento_subregional' ORDER BY a.codigo`,
      ),
    ).toEqual([
      { codigo: 'F1-EVT-BAJO-CAUCA', lugar: 'Bajo Cauca (Antioquia)' },
      { codigo: 'F1-EVT-CALI', lugar: 'Cali' },
      { codigo: 'F1-EVT-CATATUMBO', lugar: 'Catatumbo (Norte de Santander)' },
      { codigo: 'F1-EVT-CUCUTA', lugar: 'Cúcuta' },
      { codigo: 'F1-EVT-MEDELLIN', lugar: 'Medellín' },
      { codigo: 'F1-EVT-ORIENTE', lugar: 'Oriente Antioqueño' },
      { codigo: 'F1-EVT-RIOHACHA', lugar: 'Riohacha' },
    ]);
  });

  it('dates the launch in Ibagué on 17/07/2023 and the 38 workshops from 03/08 to 11/10/2023', async () => {
    expect(
      await ds.query(
        `SELECT a.fecha_inicio::text, t.nombre, d.nombre AS departamento
           FROM actividad a JOIN territorio t ON t.codigo = a.territorio_codigo
           JOIN territorio d ON d.codigo = t.departamento_codigo
          WHERE a.codigo = 'F2-LANZAMIENTO'`,
      ),
    ).toEqual([{ fecha_inicio: '2023-07-17', nombre: 'Ibagué', departamento: 'Tolima' }]);
    expect(
      await ds.query(
        `SELECT count(*)::int AS n, min(fecha_inicio)::text AS desde, max(fecha_fin)::text AS hasta
           FROM actividad WHERE tipo_codigo = 'taller_presencial'`,
      ),
    ).toEqual([{ n: 38, desde: '2023-08-03', hasta: '2023-10-11' }]);
  });

  it('holds the 33 departments with their DIVIPOLA codes', async () => {
    const departamentos = await ds.query<{ codigo: string; nombre: string }[]>(
      `SELECT codigo, nombre FROM territorio WHERE nivel = 'departamento' ORDER BY codigo`,
    );
    expect(departamentos).toHaveLength(33);
    expect(departamentos).toEqual(
      expect.arrayContaining([
        { codigo: '05', nombre: 'Antioquia' },
        { codigo: '11', nombre: 'Bogotá, D.C.' },
        { codigo: '54', nombre: 'Norte de Santander' },
        { codigo: '99', nombre: 'Vichada' },
      ]),
    );
  });

  it('knows every unit of DANE’s DIVIPOLA by its type, with DANE’s names', async () => {
    expect(
      await ds.query(
        `SELECT nivel, tipo, count(*)::int AS n FROM territorio GROUP BY 1, 2 ORDER BY 1, 2`,
      ),
    ).toEqual([
      { nivel: 'departamento', tipo: null, n: 33 },
      { nivel: 'municipio', tipo: 'Isla', n: 1 },
      { nivel: 'municipio', tipo: 'Municipio', n: 1103 },
      { nivel: 'municipio', tipo: 'Área no municipalizada', n: 18 },
    ]);
    expect(
      await ds.query(
        `SELECT codigo, nombre FROM territorio WHERE codigo IN ('11001', '76001', '13468', '27493', '94343') ORDER BY 1`,
      ),
    ).toEqual([
      { codigo: '11001', nombre: 'Bogotá, D.C.' },
      { codigo: '13468', nombre: 'Santa Cruz de Mompox' },
      { codigo: '27493', nombre: 'Nuevo Belén de Bajirá' },
      { codigo: '76001', nombre: 'Santiago de Cali' },
      { codigo: '94343', nombre: 'Barrancominas' },
    ]);
  });

  it('holds the 16 PDET subregions and their 170 municipalities beside the strategy’s own', async () => {
    expect(
      await ds.query(
        `SELECT s.tipo, count(DISTINCT s.codigo)::int AS subregiones, count(st.territorio_codigo)::int AS municipios
           FROM subregion s JOIN subregion_territorio st ON st.subregion_codigo = s.codigo
          GROUP BY 1 ORDER BY 1`,
      ),
    ).toEqual([
      { tipo: 'estrategia', subregiones: 3, municipios: 40 },
      { tipo: 'pdet', subregiones: 16, municipios: 170 },
    ]);
    // Murindó and Vigía del Fuerte are in Antioquia, and in the PDET subregion of Chocó.
    expect(
      await column(
        `SELECT s.nombre FROM subregion s JOIN subregion_territorio st ON st.subregion_codigo = s.codigo
          WHERE st.territorio_codigo IN ('05475', '05873') GROUP BY 1`,
      ),
    ).toEqual(['Chocó']);
  });

  it('holds the eight grupos de valor and the allies by category', async () => {
    expect(await column('SELECT count(*)::int FROM grupo_de_valor')).toEqual([8]);
    expect(
      await ds.query(
        'SELECT categoria, count(*)::int AS n FROM aliado GROUP BY categoria ORDER BY categoria',
      ),
    ).toEqual([
      { categoria: 'agremiaciones_territoriales', n: 4 },
      { categoria: 'cooperacion_internacional', n: 7 },
      { categoria: 'entidades_territoriales', n: 3 },
      { categoria: 'gobierno_nacional', n: 9 },
      { categoria: 'organos_de_control', n: 2 },
    ]);
  });

  it('keeps the qualifiers of "más de 300" and "cerca de 1.700"', async () => {
    expect(
      await ds.query(
        `SELECT metrica, valor::int, calificador FROM total_declarado
          WHERE actividad_codigo = 'F2-LANZAMIENTO' ORDER BY metrica`,
      ),
    ).toEqual([
      { metrica: 'asistentes_presenciales', valor: 300, calificador: 'minimo' },
      { metrica: 'asistentes_remotos', valor: 1700, calificador: 'aproximado' },
    ]);
  });
});

describe('loading twice', () => {
  /**
   * Every row of every table with the transaction that last wrote it; not the
   * log of transactions that wrote to the figures' tables, which the second
   * load enters as it locks the rows it compares.
   */
  async function snapshot(): Promise<string[]> {
    const tables = await column(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name NOT IN ('migracion', 'cambio_de_datos')
        ORDER BY table_name`,
    );
    const rows: string[] = [];
    for (const table of tables) {
      const result = await ds.query<{ fila: string }[]>(
        `SELECT xmin::text || ' ' || t::text AS fila FROM "${String(table)}" t ORDER BY 1`,
      );
      rows.push(...result.map((r) => `${String(table)} ${r.fila}`));
    }
    return rows;
  }

  it('changes no row, not even its version', async () => {
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(200);
    await cargarReferencia(ds);
    expect(await snapshot()).toEqual(before);
  });
});

describe('constraints that keep figures honest', () => {
  const persona = Buffer.alloc(32, 7);

  it('counts one person once per activity', async () => {
    const insert = () =>
      ds.query(
        `INSERT INTO asistencia (actividad_codigo, persona_clave, modalidad) VALUES ('F2-TAL-01', $1, 'presencial')`,
        [persona],
      );
    await insert();
    await expect(insert()).rejects.toThrow(/uq_asistencia_persona/);
  });

  it('keeps one view snapshot per webinar and date', async () => {
    const insert = (vistas: number) =>
      ds.query(
        `INSERT INTO corte_vistas (actividad_codigo, fecha_corte, vistas) VALUES ('F1-WEB-01', '2023-08-01', $1)`,
        [vistas],
      );
    await insert(100);
    await expect(insert(120)).rejects.toThrow(/pk_corte_vistas/);
  });

  it('keeps one declared figure per activity, metric and date even without territory or group', async () => {
    await expect(
      ds.query(
        `INSERT INTO total_declarado (actividad_codigo, metrica, valor, calificador, fecha_corte)
         VALUES ('F2-LANZAMIENTO', 'asistentes_presenciales', 350, 'exacto', '2023-12-31')`,
      ),
    ).rejects.toThrow(/uq_total_declarado/);
  });

  it.each([
    [
      `INSERT INTO total_declarado (metrica, valor, calificador, fecha_corte) VALUES ('vistas', 1, 'exacto', '2023-01-01')`,
      'ck_total_declarado_objeto',
    ],
    [
      `INSERT INTO total_declarado (ciclo_codigo, metrica, valor, calificador, fecha_corte) VALUES ('F1-WEBINARS', 'vistas', -1, 'exacto', '2023-01-01')`,
      'ck_total_declarado_valor',
    ],
    [
      `INSERT INTO total_declarado (ciclo_codigo, metrica, valor, calificador, fecha_corte) VALUES ('F1-WEBINARS', 'vistas', 1, 'casi', '2023-01-01')`,
      'ck_total_declarado_calificador',
    ],
    [
      `INSERT INTO territorio (codigo, nombre, nivel, departamento_codigo) VALUES ('5001', 'Medellín', 'municipio', '50')`,
      'ck_territorio_codigo',
    ],
    [
      `INSERT INTO territorio (codigo, nombre, nivel, departamento_codigo) VALUES ('73002', 'X', 'municipio', '05')`,
      'ck_territorio_codigo',
    ],
    [
      `UPDATE actividad SET fecha_fin = '2020-01-01' WHERE codigo = 'F1-WEB-01'`,
      'ck_actividad_fechas',
    ],
  ])('refuses %s', async (sql, constraint) => {
    await expect(ds.query(sql)).rejects.toThrow(new RegExp(constraint));
  });
});
