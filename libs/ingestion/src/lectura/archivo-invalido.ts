/** A file that cannot be read as a whole (not a single bad row): the import stops and nothing lands. */
export class ArchivoInvalido extends Error {
  constructor(
    readonly codigo: string,
    mensaje: string,
  ) {
    super(mensaje);
    this.name = 'ArchivoInvalido';
  }
}
