export { Config, ConfigError, loadConfig, pseudonymKey } from './config';
