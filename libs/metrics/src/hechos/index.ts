export { filtroDeHechos, periodoEnLaFuente } from './alcance.sql';
export { fuenteDeAsistencias } from './fuente';
export type { FuenteAsistencias } from './fuente';
export { ctesDeHechos } from './hechos.sql';
