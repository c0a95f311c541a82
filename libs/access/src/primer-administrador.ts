import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { UsuariosService } from './usuarios.service';

/**
 * A fresh install has no user and no default password: while there is no
 * user, the server holds a one-time code (printed at start-up) that creates
 * the first administrator.
 */
@Injectable()
export class PrimerAdministrador implements OnApplicationBootstrap {
  private pendiente: string | null = null;

  constructor(private readonly usuarios: UsuariosService) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!(await this.usuarios.hayUsuarios())) {
      this.pendiente = randomBytes(12).toString('base64url');
    }
  }

  /** The code while no administrator has been created with it. */
  get codigo(): string | null {
    return this.pendiente;
  }

  /** Creates the first admin if the code is right and there is still no user. */
  async crear(codigo: string, nombre: string, clave: string) {
    const esperado = this.pendiente;
    if (
      !esperado ||
      codigo.length !== esperado.length ||
      !timingSafeEqual(Buffer.from(codigo), Buffer.from(esperado))
    ) {
      return null;
    }
    // Taken before the first await: of the requests racing with the right code, one goes on.
    this.pendiente = null;
    try {
      return await this.usuarios.crearPrimerAdministrador(nombre, clave);
    } catch (error) {
      // A name or password refused: the code still works for a corrected request.
      this.pendiente = esperado;
      throw error;
    }
  }
}
