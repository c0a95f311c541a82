/** Every migration, in order. A new one is added here after review. */
import { Inicial1795487445862 } from './1795487445862-Inicial';
import { Importaciones1795488133572 } from './1795488133572-Importaciones';
import { ResumenAsistencia1795489255191 } from './1795489255191-ResumenAsistencia';
import { ResumenActividad1795490212275 } from './1795490212275-ResumenActividad';
import { ResumenesTerritoriales1795491599791 } from './1795491599791-ResumenesTerritoriales';
import { Exportaciones1795494485290 } from './1795494485290-Exportaciones';
import { Pdt1795616424642 } from './1795616424642-Pdt';
import { Acceso1795616892097 } from './1795616892097-Acceso';
import { VersionDeDatos1795700000000 } from './1795700000000-VersionDeDatos';
import { ResumenFaseTipo1795700000001 } from './1795700000001-ResumenFaseTipo';
import { ResumenFaseTipoEnLaTransaccion1795800000000 } from './1795800000000-ResumenFaseTipoEnLaTransaccion';
import { ResumenFaseTipoPorMes1795900000000 } from './1795900000000-ResumenFaseTipoPorMes';
import { ResumenDepartamentoGrupo1795900000001 } from './1795900000001-ResumenDepartamentoGrupo';
import { ResumenVistas1796000000000 } from './1796000000000-ResumenVistas';
import { ResumenDepartamentoPorDepartamento1796000000001 } from './1796000000001-ResumenDepartamentoPorDepartamento';
import { ResumenSubregion1796100000000 } from './1796100000000-ResumenSubregion';
import { ResumenFaseTipoPorGrupo1796100000001 } from './1796100000001-ResumenFaseTipoPorGrupo';
import { ResumenMes1796200000000 } from './1796200000000-ResumenMes';
import { TerritorioCompleto1796450000000 } from './1796450000000-TerritorioCompleto';
import { ImportacionDepartamentos1796462111168 } from './1796462111168-ImportacionDepartamentos';
import { NombresYAlias1796465289834 } from './1796465289834-NombresYAlias';
import { ActividadNacional1796470694459 } from './1796470694459-ActividadNacional';
import { ResumenFaseTipoConClave1796483233017 } from './1796483233017-ResumenFaseTipoConClave';
import { PersonasUnicas1796490000000 } from './1796490000000-PersonasUnicas';
import { TrabajosCompartidos1796523101085 } from './1796523101085-TrabajosCompartidos';
import { ArchivosEnS31796600000000 } from './1796600000000-ArchivosEnS3';
import { EnLaFuente1796700000000 } from './1796700000000-EnLaFuente';

export const MIGRATIONS = [
  Inicial1795487445862,
  Importaciones1795488133572,
  ResumenAsistencia1795489255191,
  ResumenActividad1795490212275,
  ResumenesTerritoriales1795491599791,
  Exportaciones1795494485290,
  Pdt1795616424642,
  Acceso1795616892097,
  VersionDeDatos1795700000000,
  ResumenFaseTipo1795700000001,
  ResumenFaseTipoEnLaTransaccion1795800000000,
  ResumenFaseTipoPorMes1795900000000,
  ResumenDepartamentoGrupo1795900000001,
  ResumenVistas1796000000000,
  ResumenDepartamentoPorDepartamento1796000000001,
  ResumenSubregion1796100000000,
  ResumenFaseTipoPorGrupo1796100000001,
  ResumenMes1796200000000,
  TerritorioCompleto1796450000000,
  ImportacionDepartamentos1796462111168,
  NombresYAlias1796465289834,
  ActividadNacional1796470694459,
  ResumenFaseTipoConClave1796483233017,
  PersonasUnicas1796490000000,
  TrabajosCompartidos1796523101085,
  ArchivosEnS31796600000000,
  EnLaFuente1796700000000,
];
