export { loadConfig, parseConfig, ConfigSchema, type Config } from './env';
