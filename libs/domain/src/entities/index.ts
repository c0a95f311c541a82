import { Actividad } from './actividad.entity';
import { Alias, COLUMNA_ENTRADA_ALIAS } from './alias.entity';
import { Aliado } from './aliado.entity';
import { Asistencia } from './asistencia.entity';
import { AsistenciaTecnica } from './asistencia-tecnica.entity';
import { Certificado } from './certificado.entity';
import { Ciclo } from './ciclo.entity';
import { CorteVistas } from './corte-vistas.entity';
import { Exportacion } from './exportacion.entity';
import { ExportacionParte } from './exportacion-parte.entity';
import { Fase } from './fase.entity';
import { GrupoDeValor } from './grupo-de-valor.entity';
import { HitoPdt } from './hito-pdt.entity';
import { FilaRechazada } from './fila-rechazada.entity';
import { Importacion } from './importacion.entity';
import { ImportacionAviso } from './importacion-aviso.entity';
import { ImportacionRechazo } from './importacion-rechazo.entity';
import { Indicador } from './indicador.entity';
import { Meta } from './meta.entity';
import { ResumenActividad } from './resumen-actividad.entity';
import { ResumenAsistencia } from './resumen-asistencia.entity';
import { ResumenFaseTipo } from './resumen-fase-tipo.entity';
import { ResumenMes } from './resumen-mes.entity';
import { ResumenPersona, TotalPersonas } from './resumen-persona.entity';
import { ResumenVistas } from './resumen-vistas.entity';
import {
  ResumenDepartamento,
  ResumenDepartamentoGrupo,
  ResumenGrupo,
  ResumenSubregion,
} from './resumen-territorial.entity';
import { Subregion } from './subregion.entity';
import { Territorio } from './territorio.entity';
import { TipoActividad } from './tipo-actividad.entity';
import { TotalDeclarado } from './total-declarado.entity';

export type { EnLaFuente } from './en-la-fuente';

export {
  Actividad,
  Alias,
  Aliado,
  COLUMNA_ENTRADA_ALIAS,
  FilaRechazada,
  ImportacionAviso,
  Asistencia,
  AsistenciaTecnica,
  Certificado,
  Ciclo,
  CorteVistas,
  Exportacion,
  ExportacionParte,
  Fase,
  GrupoDeValor,
  HitoPdt,
  Importacion,
  ImportacionRechazo,
  Indicador,
  Meta,
  ResumenActividad,
  ResumenAsistencia,
  ResumenDepartamento,
  ResumenDepartamentoGrupo,
  ResumenFaseTipo,
  ResumenGrupo,
  ResumenMes,
  ResumenPersona,
  ResumenSubregion,
  ResumenVistas,
  Subregion,
  Territorio,
  TipoActividad,
  TotalDeclarado,
  TotalPersonas,
};

export const ENTITIES = [
  Actividad,
  Alias,
  Aliado,
  FilaRechazada,
  ImportacionAviso,
  Asistencia,
  AsistenciaTecnica,
  Certificado,
  Ciclo,
  CorteVistas,
  Exportacion,
  ExportacionParte,
  Fase,
  GrupoDeValor,
  HitoPdt,
  Importacion,
  ImportacionRechazo,
  Indicador,
  Meta,
  ResumenActividad,
  ResumenAsistencia,
  ResumenDepartamento,
  ResumenDepartamentoGrupo,
  ResumenFaseTipo,
  ResumenGrupo,
  ResumenMes,
  ResumenPersona,
  ResumenSubregion,
  ResumenVistas,
  Subregion,
  Territorio,
  TipoActividad,
  TotalDeclarado,
  TotalPersonas,
];
