export { Config, ConfigError, loadConfig, OpcionesS3, pseudonymKey } from './config';
export { CARPETA_TABLERO, rutaDelProyecto } from './rutas';
