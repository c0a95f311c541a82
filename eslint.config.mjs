import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/**
 * The libraries' layers, bottom first (docs/arquitectura.md): a library imports
 * only libraries of the layers below its own. Apps, migrations, tests and
 * benches sit above them all, and no library imports them.
 */
const CAPAS = [
  ['domain', 'config'],
  ['database'],
  ['access'],
  ['ingestion'],
  ['metrics'],
  ['charts'],
  ['reports'],
];
const ENCIMA_DE_LAS_LIBRERIAS = ['apps', 'migrations', 'test', 'bench'];
const APPS = ['api', 'cli', 'dashboard'];

const zonasDeCapas = CAPAS.flatMap((capa, nivel) =>
  capa.map((lib) => {
    const prohibidas = CAPAS.slice(nivel)
      .flat()
      .filter((otra) => otra !== lib);
    return {
      target: `./libs/${lib}`,
      from: [
        ...prohibidas.map((otra) => `./libs/${otra}`),
        ...ENCIMA_DE_LAS_LIBRERIAS.map((c) => `./${c}`),
      ],
      message: `@tablero/${lib} no importa ${prohibidas.map((o) => `@tablero/${o}`).join(', ')}, aplicaciones, migraciones, pruebas ni benchmarks: están en su capa o encima.`,
    };
  }),
);

const zonasDeApps = APPS.map((app) => ({
  target: `./apps/${app}`,
  from: APPS.filter((otra) => otra !== app).map((otra) => `./apps/${otra}`),
  message: 'Una aplicación no importa otra: lo que comparten va en una librería.',
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.json', 'apps/dashboard/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': ['error', { zones: [...zonasDeCapas, ...zonasDeApps] }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
      },
    },
  },
);
