export { filtroDeHechos } from './alcance.sql';
export { ctesDeHechos } from './hechos.sql';
export type { FuenteAsistencias } from './pedido';
