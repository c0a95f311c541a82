import { MODALIDADES, REFERENCIA } from '@tablero/domain';
import { normalizar, ValorDesconocido, ValorInvalido } from '../valores';
import { Buscador } from './buscador';

const grupos = new Buscador('grupo_de_valor', REFERENCIA.gruposDeValor);
const aliados = new Buscador('aliado', REFERENCIA.aliados);
const tipos = new Buscador('tipo_actividad', REFERENCIA.tiposActividad);
const modalidades = new Buscador(
  'modalidad',
  MODALIDADES.map((m) => ({ codigo: m, nombre: m })),
);

describe('an entry of a catalogue', () => {
  it.each([
    [grupos, 'consejos_territoriales_planeacion', 'consejos_territoriales_planeacion'],
    [grupos, 'Consejos Territoriales de Planeación (CTP)', 'consejos_territoriales_planeacion'],
    [grupos, 'Consejos Territoriales de Planeación', 'consejos_territoriales_planeacion'],
    [grupos, 'CONSEJOS TERRITORIALES DE PLANEACION', 'consejos_territoriales_planeacion'],
    [grupos, 'CTP', 'consejos_territoriales_planeacion'],
    [grupos, 'ctp', 'consejos_territoriales_planeacion'],
    [grupos, 'Ciudadanía en general', 'ciudadania'],
    [grupos, 'Jefes de Control Interno', 'jefes_control_interno'],
    [aliados, 'ESAP', 'esap'],
    [aliados, 'Escuela Superior de Administración Pública', 'esap'],
    [aliados, 'Escuela Superior de Administración Pública (ESAP)', 'esap'],
    [aliados, 'Departamento Administrativo de la Función Pública (DAFP)', 'dafp'],
    [aliados, 'Función Pública (DAFP)', 'dafp'],
    [aliados, 'APC Colombia', 'apc'],
    [aliados, 'ACDI/VOCA', 'acdi_voca'],
    [aliados, 'Gobernaciones', 'gobernaciones'],
    [aliados, 'Asocatatumbo', 'asocatatumbo'],
    [tipos, 'Taller presencial', 'taller_presencial'],
    [tipos, 'TALLER_PRESENCIAL', 'taller_presencial'],
    [tipos, 'Sesión de refuerzo', 'sesion_refuerzo'],
    [modalidades, 'Híbrida', 'hibrida'],
    [modalidades, 'VIRTUAL', 'virtual'],
  ])('%#: %p → %s', (buscador, valor, codigo) => {
    expect(buscador.resolver(valor, 'no existe')).toBe(codigo);
  });

  it('throws an unknown value with its catalogue and the reason given', () => {
    let error: unknown;
    try {
      grupos.resolver('Veedurías ciudadanas', 'el grupo de valor no existe');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValorDesconocido);
    expect(error).toMatchObject({
      catalogo: 'grupo_de_valor',
      valor: 'Veedurías ciudadanas',
      message: 'el grupo de valor no existe',
    });
  });

  it('names the entries an ambiguous value could be', () => {
    const ambiguo = new Buscador('aliado', [
      { codigo: 'a', nombre: 'Agencia A', sigla: 'AG' },
      { codigo: 'b', nombre: 'Agencia B', sigla: 'AG' },
    ]);
    expect(() => ambiguo.resolver('AG', 'no existe')).toThrow(
      new ValorInvalido('«AG» puede ser Agencia A (a) o Agencia B (b)'),
    );
  });

  it('does not take a parenthesised word that is not an acronym as a name', () => {
    const subregiones = new Buscador('subregion', REFERENCIA.subregiones);
    expect(subregiones.resolver('Bajo Cauca', 'no existe')).toBe('bajo_cauca');
    expect(() => subregiones.resolver('Antioquia', 'la subregión no existe')).toThrow(
      'la subregión no existe',
    );
  });

  it('learns aliases', () => {
    const conAlias = new Buscador(
      'modalidad',
      MODALIDADES.map((m) => ({ codigo: m, nombre: m })),
      [{ clave: normalizar('Remota'), codigo: 'virtual' }],
    );
    expect(conAlias.resolver('remota', 'no existe')).toBe('virtual');
    expect(() => modalidades.resolver('remota', 'no existe')).toThrow(ValorDesconocido);
  });
});
