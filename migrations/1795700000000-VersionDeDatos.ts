import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables every figure, chart, workbook and phase III status is read from. */
const TABLAS_DE_CIFRAS = [
  'actividad',
  'actividad_aliado',
  'actividad_grupo_de_valor',
  'aliado',
  'asistencia',
  'asistencia_tecnica',
  'certificado',
  'ciclo',
  'corte_vistas',
  'fase',
  'grupo_de_valor',
  'hito_pdt',
  'indicador',
  'meta',
  'subregion',
  'subregion_territorio',
  'territorio',
  'tipo_actividad',
  'total_declarado',
];

/**
 * One row per committed transaction that wrote to a table figures are read
 * from, so that the number of rows is a data version no reader can see before
 * the change itself. Written by hand: statement triggers are not entities.
 */
export class VersionDeDatos1795700000000 implements MigrationInterface {
  name = 'VersionDeDatos1795700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cambio_de_datos" ("transaccion" xid8 NOT NULL, "en" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_cambio_de_datos" PRIMARY KEY ("transaccion"))`,
    );
    await queryRunner.query(`CREATE FUNCTION registrar_cambio_de_datos() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A transaction with no id yet has written nothing: its statement changed no row.
        IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
          INSERT INTO cambio_de_datos (transaccion) VALUES (pg_current_xact_id()) ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $$`);
    for (const tabla of TABLAS_DE_CIFRAS) {
      await queryRunner.query(
        `CREATE TRIGGER cambio_de_datos AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${tabla}"
          FOR EACH STATEMENT EXECUTE FUNCTION registrar_cambio_de_datos()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const tabla of TABLAS_DE_CIFRAS) {
      await queryRunner.query(`DROP TRIGGER cambio_de_datos ON "${tabla}"`);
    }
    await queryRunner.query(`DROP FUNCTION registrar_cambio_de_datos()`);
    await queryRunner.query(`DROP TABLE "cambio_de_datos"`);
  }
}
