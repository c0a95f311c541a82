import { z } from 'zod';
import { CALIFICADORES } from '../calificador';
import { CATEGORIAS_ALIADO, FASES, METRICAS_DECLARADAS, MODALIDADES } from '../vocabularios';

const fecha = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'fecha aaaa-mm-dd');
const codigo = z.string().min(1).max(40);
const catalogo = z.object({ codigo, nombre: z.string().min(1) });
const enLaFuente = z
  .object({
    fecha: z
      .string()
      .regex(/^\d{4}$/, 'año aaaa')
      .nullable()
      .optional(),
    numero: z.null().optional(),
  })
  .strict()
  .optional();

/** The shape of a reference dataset file; integrity between its parts is the database's job. */
export const referenciaSchema = z.object({
  fuente: z.string().min(1),
  fechaCorte: fecha,
  fases: z.array(
    z.object({
      codigo: z.enum(FASES),
      nombre: z.string(),
      objetivo: z.string(),
      inicio: fecha,
      fin: fecha.nullable(),
      periodo: z.string(),
    }),
  ),
  tiposActividad: z.array(catalogo.extend({ orden: z.number().int() })),
  subregiones: z.array(catalogo.extend({ territorios: z.array(z.string()) })),
  gruposDeValor: z.array(catalogo),
  aliados: z.array(
    catalogo.extend({
      sigla: z.string().nullable(),
      categoria: z.enum(Object.keys(CATEGORIAS_ALIADO) as [keyof typeof CATEGORIAS_ALIADO]),
    }),
  ),
  ciclos: z.array(catalogo.extend({ fase: z.enum(FASES), tipo: codigo, enLaFuente })),
  actividades: z.array(
    z.object({
      codigo,
      fase: z.enum(FASES),
      tipo: codigo,
      ciclo: codigo.optional(),
      titulo: z.string().min(1),
      fechaInicio: fecha,
      fechaFin: fecha,
      modalidad: z.enum(MODALIDADES).nullable(),
      canal: z.string().nullable(),
      territorio: z.string().optional(),
      subregion: codigo.optional(),
      lugar: z.string().optional(),
      nacional: z.boolean().optional(),
      enLaFuente,
      aliados: z.array(codigo),
      gruposDeValor: z.array(codigo),
    }),
  ),
  totalesDeclarados: z.array(
    z.object({
      actividad: codigo.optional(),
      ciclo: codigo.optional(),
      metrica: z.enum(Object.keys(METRICAS_DECLARADAS) as [keyof typeof METRICAS_DECLARADAS]),
      valor: z.number().int().nonnegative(),
      calificador: z.enum(CALIFICADORES),
      grupoDeValor: codigo.optional(),
    }),
  ),
});

export type Referencia = z.infer<typeof referenciaSchema>;
