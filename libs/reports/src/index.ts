export { celdaSegura } from './celda-segura';
