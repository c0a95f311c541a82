import { MigrationInterface, QueryRunner } from 'typeorm';
import { DIVIPOLA, SUBREGIONES_PDET } from '@tablero/domain';

/**
 * Every department and municipal unit of DANE's DIVIPOLA (edition of
 * 30/12/2024) and ART's 16 PDET subregions, as a subregion of kind "pdet"
 * beside the strategy's own. A database that held only the municipalities the
 * source document names gains the rest; those it held take DANE's name and
 * type. Nothing is deleted. The data is read from the files shipped in
 * libs/domain/src/referencia/territorio, which a later edition does not
 * replace (it arrives through the `territorios` import): the snapshot of
 * these statements holds them.
 */
export class TerritorioCompleto1796450000000 implements MigrationInterface {
  name = 'TerritorioCompleto1796450000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "subregion" ADD "tipo" character varying(12) NOT NULL DEFAULT 'estrategia'`,
    );
    await queryRunner.query(`ALTER TABLE "subregion" ALTER COLUMN "tipo" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "subregion" ADD CONSTRAINT "ck_subregion_tipo" CHECK (tipo IN ('estrategia', 'pdet'))`,
    );
    const { departamentos, municipios } = DIVIPOLA;
    await queryRunner.query(
      `INSERT INTO territorio (codigo, nombre, nivel, departamento_codigo)
       SELECT codigo, nombre, 'departamento', codigo FROM unnest($1::varchar[], $2::varchar[]) AS d(codigo, nombre)
       ON CONFLICT ON CONSTRAINT pk_territorio DO UPDATE SET nombre = EXCLUDED.nombre
        WHERE territorio.nombre IS DISTINCT FROM EXCLUDED.nombre`,
      [departamentos.map((d) => d.codigo), departamentos.map((d) => d.nombre)],
    );
    await queryRunner.query(
      `INSERT INTO territorio (codigo, nombre, nivel, departamento_codigo, tipo)
       SELECT codigo, nombre, 'municipio', left(codigo, 2), tipo
         FROM unnest($1::varchar[], $2::varchar[], $3::varchar[]) AS m(codigo, nombre, tipo)
       ON CONFLICT ON CONSTRAINT pk_territorio DO UPDATE SET nombre = EXCLUDED.nombre, tipo = EXCLUDED.tipo
        WHERE (territorio.nombre, territorio.tipo) IS DISTINCT FROM (EXCLUDED.nombre, EXCLUDED.tipo)`,
      [municipios.map((m) => m.codigo), municipios.map((m) => m.nombre), municipios.map((m) => m.tipo)],
    );
    await queryRunner.query(
      `INSERT INTO subregion (codigo, nombre, tipo)
       SELECT codigo, nombre, 'pdet' FROM unnest($1::varchar[], $2::varchar[]) AS s(codigo, nombre)
       ON CONFLICT ON CONSTRAINT pk_subregion DO NOTHING`,
      [SUBREGIONES_PDET.map((s) => s.codigo), SUBREGIONES_PDET.map((s) => s.nombre)],
    );
    const enlaces = SUBREGIONES_PDET.flatMap((s) => s.municipios.map((m) => [s.codigo, m]));
    await queryRunner.query(
      `INSERT INTO subregion_territorio (subregion_codigo, territorio_codigo)
       SELECT * FROM unnest($1::varchar[], $2::varchar[]) ORDER BY 1, 2
       ON CONFLICT DO NOTHING`,
      [enlaces.map((e) => e[0]), enlaces.map((e) => e[1])],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM subregion WHERE tipo = 'pdet'`);
    await queryRunner.query(`ALTER TABLE "subregion" DROP CONSTRAINT "ck_subregion_tipo"`);
    await queryRunner.query(`ALTER TABLE "subregion" DROP COLUMN "tipo"`);
  }
}
