import { PERMISOS_POR_ROL, puede, ROLES } from './roles';

describe('roles', () => {
  it('grant what the issue says each role may do', () => {
    expect(PERMISOS_POR_ROL).toEqual({
      admin: ['tablero', 'imagenes', 'exportar', 'importar', 'administrar'],
      editor: ['tablero', 'imagenes', 'exportar', 'importar'],
      analista: ['tablero', 'imagenes', 'exportar'],
      comunicaciones: ['tablero', 'imagenes'],
      lectura: ['tablero'],
    });
  });

  it('only admins administer', () => {
    expect(ROLES.filter((rol) => puede(rol, 'administrar'))).toEqual(['admin']);
  });
});
