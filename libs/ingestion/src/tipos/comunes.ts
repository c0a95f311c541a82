/**
 * Row checks and the merge step that several import kinds share: who the
 * person is, which activity, group of value and modality a row names, and how
 * an upsert's new and updated rows are counted.
 */
import { QueryRunner } from 'typeorm';
import { buscarActividad } from '../catalogos';
import { correo, numeroDocumento, texto, tipoDocumento, ValorInvalido } from '../valores';
import { Contexto } from './tipo-importacion';
import { Validacion } from './validacion';

/**
 * Identity → keyed hash: a document (type + normalised number) or, failing
 * that, an e-mail; a document given without its type or number falls back on
 * the e-mail when there is one.
 */
export function identidad(v: Validacion, contexto: Contexto): Buffer | undefined {
  return v.identificar(() => {
    const tipo = v.campo('tipo_documento', tipoDocumento);
    const numero = v.campo('numero_documento', numeroDocumento);
    if (tipo && numero) return contexto.seudonimo(`doc:${tipo}:${numero}`);
    if (tipo === undefined || numero === undefined) return undefined;
    const email = v.campo('correo', correo);
    if (email) return contexto.seudonimo(`correo:${email}`);
    if (email === undefined) return undefined;
    if (tipo || numero)
      v.rechazar(
        tipo ? 'numero_documento' : 'tipo_documento',
        'el documento necesita tipo y número',
      );
    else v.rechazar(null, 'la persona no tiene documento ni correo que la identifique');
    return undefined;
  });
}

export function actividadDeLaFila(
  v: Validacion,
  contexto: Contexto,
  tiposAdmitidos?: readonly string[],
) {
  const codigo = v.campo(
    'codigo_actividad',
    (c) => buscarActividad(contexto.catalogos, texto(c), (x) => `la actividad ${x} no existe`),
    contexto.opciones.actividad,
  );
  if (!codigo) return undefined;
  const actividad = contexto.catalogos.actividades.get(codigo)!;
  if (tiposAdmitidos && !tiposAdmitidos.includes(actividad.tipo)) {
    v.rechazar(
      'codigo_actividad',
      `la actividad ${codigo} es de tipo ${actividad.tipo}, no ${tiposAdmitidos.join(' ni ')}`,
    );
    return undefined;
  }
  return actividad;
}

export function grupoDeValor(v: Validacion, contexto: Contexto) {
  return v.campo('grupo_de_valor', (c) =>
    contexto.catalogos.gruposDeValor.resolver(texto(c), 'el grupo de valor no existe'),
  );
}

/** A modality among `admitidas`, by code, name or alias. */
export function modalidad<T extends string>(
  v: Validacion,
  contexto: Contexto,
  admitidas: readonly T[],
): T | null | undefined {
  const motivo = `la modalidad debe ser uno de: ${admitidas.join(', ')}`;
  return v.campo('modalidad', (c) => {
    const codigo = contexto.catalogos.modalidades.resolver(texto(c), motivo);
    if (!(admitidas as readonly string[]).includes(codigo)) throw new ValorInvalido(motivo);
    return codigo as T;
  });
}

/** Runs an INSERT … RETURNING (xmax = 0) AS nueva and counts new and updated rows. */
export async function contarFusion(
  queryRunner: QueryRunner,
  insert: string,
  importacionId: string,
) {
  const [fila] = await queryRunner.query(
    `WITH r AS (${insert})
     SELECT count(*) FILTER (WHERE nueva)::int AS aceptadas,
            count(*) FILTER (WHERE NOT nueva)::int AS actualizadas FROM r`,
    [importacionId],
  );
  return fila as { aceptadas: number; actualizadas: number };
}
