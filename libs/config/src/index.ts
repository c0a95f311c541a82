export { Config, ConfigError, loadConfig, pseudonymKey } from './config';
export { CARPETA_TABLERO, rutaDelProyecto } from './rutas';
