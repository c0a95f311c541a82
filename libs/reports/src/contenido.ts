/**
 * What the phase balance workbook and the PDF report both say, spelled once: the main charts
 * and the reading rules of the methodology.
 */
import { FUENTE } from '@tablero/domain';

/** The main charts of a report, from the chart catalogue. */
export const GRAFICOS_PRINCIPALES = [
  'interacciones-por-fase',
  'actividades-por-tipo',
  'asistencias-por-departamento',
  'asistencias-por-modalidad',
];

/** Phase III's reports also show where the development plans stand. */
export const GRAFICOS_PDT = ['pdt-estados', 'pdt-estados-por-departamento', 'pdt-embudo'];

export const NOTAS_DE_METODOLOGIA = [
  'Calificadores: una cifra exacta se muestra tal cual (11.991); un mínimo («más de») con > y una aproximación («cerca de») con ≈. Cifras de calificadores distintos se dicen lado a lado («> 300 presenciales · ≈ 1.700 remotos»); un total las suma y dice cuánto de él no es exacto.',
  'Sin cifra: «—» dice que la fuente no da la cifra, o que la da para un conjunto (un ciclo de webinars, un evento de varias subregiones) y no para cada parte; nunca se escribe 0 por una cifra que no existe.',
  'Tiempo: una cifra que la fuente da para un periodo (abril a julio de 2023) o solo por su año (2023) se ubica al final de ese periodo en las series acumuladas, nunca en un mes que la fuente no da; lo que la fuente no fecha no está en ninguna serie, y la nota del gráfico dice cuánto es.',
  'Territorio: una cifra de alcance nacional no se reparte entre departamentos; una cifra conjunta de varios territorios los marca como «alcanzados en cifra conjunta», sin repartirla; quienes se conectaron a distancia a un evento no se ubican en su sede, sino sin territorio.',
  'Registros y cifras declaradas: cuando una actividad o un ciclo tiene registros persona a persona, los registros son la cifra y la cifra declarada pasa a la hoja Conciliación del balance en Excel.',
  'Las personas se identifican solo por una clave seudónima (HMAC-SHA256 del documento o el correo): ningún nombre ni número de documento se guarda ni se exporta.',
  `${FUENTE}. Territorios: DANE, Codificación de la División Político-Administrativa de Colombia (DIVIPOLA).`,
];
